namespace IgnitionToolkit.Runner.Tests.Support;

/// <summary>Playbook texts (format v3) used by the tests.</summary>
public static class TestPlaybooks
{
    public const string ThreeLogs = """
        name: three logs
        version: "1.0"
        steps:
          - id: first
            name: First
            type: utility.log
            parameters:
              message: one
          - id: second
            name: Second
            type: utility.log
            parameters:
              message: two
          - id: third
            name: Third
            type: utility.log
            parameters:
              message: three
        """;

    /// <summary>A step that waits much longer than any test: ends only when cancelled.</summary>
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

    /// <summary>Second step times out after 1 s.</summary>
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

    public const string UnknownStepType = """
        name: broken
        version: "1.0"
        steps:
          - id: bad
            name: Bad
            type: utility.does_not_exist
        """;

    public const string Typed = """
        name: typed
        version: "1.0"
        parameters:
          - name: count
            type: integer
            required: true
          - name: ratio
            type: float
            required: false
          - name: enabled
            type: boolean
            required: false
          - name: items
            type: list
            required: false
          - name: options
            type: dict
            required: false
          - name: label
            type: string
            default: hello
        steps:
          - id: show
            name: Show
            type: utility.log
            parameters:
              message: "{{ parameter.count }}"
        """;

    /// <summary>Calls <see cref="Child"/> (stored as <c>nested/child.yaml</c>, next to the parent).</summary>
    public const string Parent = """
        name: parent
        version: "1.0"
        steps:
          - id: call
            name: Call the child
            type: playbook.run
            parameters:
              playbook: child.yaml
          - id: after
            name: After
            type: utility.log
            parameters:
              message: back in the parent
        """;

    public const string Child = """
        name: child
        version: "1.0"
        steps:
          - id: inner
            name: Inner
            type: utility.log
            parameters:
              message: hello from the child
        """;
}
