using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>Runs a remote command's work with a connected <see cref="ApiClient"/>; a <see cref="RemoteException"/>
/// becomes its one-line message on standard error and its exit code.</summary>
public static class RemoteAction
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false };

    public static async Task<int> RunAsync(CliContext context, ParseResult result, ServerOptions server, Func<ApiClient, Task<int>> work)
    {
        try
        {
            using var api = server.Connect(result, context);
            return await work(api);
        }
        catch (RemoteException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ex.ExitCode;
        }
    }

    /// <summary>Prints the API's JSON as it came (one line): it holds no secret, the API never returns one.</summary>
    public static async Task<int> PrintJsonAsync(CliContext context, JsonNode? node)
    {
        await context.Output.WriteLineAsync(node?.ToJsonString(Indented) ?? "null");
        return ExitCodes.Success;
    }

    /// <summary>A path segment or library path for a URL: each segment escaped, '/' kept.</summary>
    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A table for people: a header and rows, columns padded to their widest cell (the last one not padded).</summary>
    public static async Task PrintTableAsync(CliContext context, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
            await context.Output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }

    public static string Text(JsonNode? node, string name) => node?[name] is JsonValue value ? value.ToString() : "";
}
