namespace IgnitionToolkit.Testing;

/// <summary>Playbooks the functional and browser tests write into a stack's library.</summary>
public static class TestPlaybooks
{
    /// <summary>A first step that fails on a bad parameter (a negative wait) and a second one: the re-run scenario.</summary>
    public const string FailingWait = """
        name: Rerun demo
        version: "1.0"
        steps:
          - id: nap
            name: Nap
            type: utility.wait
            parameters:
              seconds: -1
          - id: done
            name: Done
            type: utility.log
            parameters:
              message: finished after the re-run
        """;
}
