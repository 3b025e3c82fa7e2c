namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

/// <summary>Builds test playbooks: a header with the <c>gateway_url</c> parameter, then the given steps.</summary>
internal static class Yaml
{
    /// <summary>The step <c>open</c>: the project's home page on the simulator.</summary>
    public const string OpenHome = """
        - id: open
          type: perspective.navigate
          parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI }
        """;

    public static string Playbook(params string[] stepGroups) => Header(string.Join("\n", stepGroups));

    private static string Header(string steps) => $"""
        name: "perspective test"
        version: "1.0"
        parameters:
          - name: gateway_url
            type: string
            required: true
        steps:
        {Indent(steps)}
        """;

    private static string Indent(string text) =>
        string.Join("\n", text.Split("\n").Select(line => "  " + line));
}
