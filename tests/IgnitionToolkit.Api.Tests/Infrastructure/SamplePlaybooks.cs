namespace IgnitionToolkit.Api.Tests.Infrastructure;

public static class SamplePlaybooks
{
    public static string Hello(string name = "Hello", string description = "Says hello") => $$$"""
        name: {{{name}}}
        version: "1.0"
        description: {{{description}}}
        metadata:
          tags: [demo, utility]
        parameters:
          - name: greeting
            type: string
            required: true
          - name: api_password
            type: string
          - name: count
            type: integer
        steps:
          - id: say
            name: Say hello
            type: utility.log
            parameters:
              message: "{{ parameter.greeting }}"
          - id: pause
            name: Short wait
            type: utility.wait
            parameters:
              seconds: 0
        """;

    /// <summary>Line 7 holds the unknown step type; line 5 the step missing its required parameter.</summary>
    public const string Invalid = """
        name: Broken
        steps:
          - id: first
            name: Missing message
            type: utility.log
          - id: second
            type: utility.teleport
        """;

    public static string Parent(string childPath) => $$$"""
        name: Parent
        steps:
          - id: run_child
            name: Run the child
            type: playbook.run
            parameters:
              playbook: {{{childPath}}}
        """;
}
