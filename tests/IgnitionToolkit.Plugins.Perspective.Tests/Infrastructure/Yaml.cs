namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

/// <summary>Builds test playbooks: a header with the <c>gateway_url</c> parameter, then the given steps.</summary>
internal static class Yaml
{
    public static string Playbook(string steps) => $"""
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
