namespace IgnitionToolkit.Cli.Tests.Support;

/// <summary>Playbook texts (format v3) used by the tests.</summary>
public static class Playbooks
{
    public const string Hello = """
        name: hello
        version: "1.0"
        steps:
          - id: greet
            name: Greet
            type: utility.log
            parameters:
              message: "Hello from the tool"
        """;

    /// <summary>The second step times out after 1 s: the run fails.</summary>
    public const string Failing = """
        name: failing
        version: "1.0"
        steps:
          - id: hello
            name: Hello
            type: utility.log
            parameters:
              message: hi
          - id: too_slow
            name: Too slow
            type: utility.wait
            parameters:
              seconds: 30
            timeout: 1
        """;

    /// <summary>Waits far longer than any test: ends only when cancelled.</summary>
    public const string Blocking = """
        name: blocking
        version: "1.0"
        steps:
          - id: hold
            name: Hold
            type: utility.wait
            parameters:
              seconds: 600
            timeout: 900
        """;

    public const string Broken = """
        name: broken
        version: "1.0"
        steps:
          - id: bad
            name: Bad
            type: utility.does_not_exist
        """;

    /// <summary>Calls <see cref="FailingChild"/> (<c>child.yaml</c> next to it), whose step fails.</summary>
    public const string ParentOfFailingChild = """
        name: parent
        version: "1.0"
        steps:
          - id: first
            name: First
            type: utility.log
            parameters:
              message: before the child
          - id: call
            name: Call the child
            type: playbook.run
            parameters:
              playbook: child.yaml
        """;

    public const string FailingChild = """
        name: child
        version: "1.0"
        steps:
          - id: inner_log
            name: Inner log
            type: utility.log
            parameters:
              message: "hello from the child <&>"
          - id: inner_slow
            name: Inner slow
            type: utility.wait
            parameters:
              seconds: 30
            timeout: 1
        """;
}
