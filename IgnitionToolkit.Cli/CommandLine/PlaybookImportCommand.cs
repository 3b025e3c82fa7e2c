using System.CommandLine;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>playbook import FILE [--on-conflict fail|skip|overwrite]</c>: the server's library import, as the Web's
/// import dialog does it — <c>POST /api/v1/library/import/preview</c> (new, changed, unchanged, invalid per path), then
/// <c>POST /api/v1/library/import</c> with a resolution for each conflict. Takes the toolkit's export zip, the original
/// toolkit's JSON export, or one YAML file.</summary>
public static class PlaybookImportCommand
{
    public const string Fail = "fail";
    public const string Skip = "skip";
    public const string Overwrite = "overwrite";

    public static Command Create(CliContext context)
    {
        var server = new ServerOptions();
        var file = new Argument<string>("file") { Description = "The file to import: an export zip, the original toolkit's JSON export, or a playbook YAML." };
        var onConflict = new Option<string>("--on-conflict")
        {
            Description = "A path the library already holds with another text: fail (default: nothing is imported, exit 2), skip (keep the library's), overwrite (the library's is backed up).",
            DefaultValueFactory = _ => Fail,
        };
        onConflict.AcceptOnlyFromAmong(Fail, Skip, Overwrite);
        var command = new Command("import", "Import playbooks into the server's library; prints new, changed and unchanged per path.") { file, onConflict };
        server.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var local = result.GetRequiredValue(file);
            if (!File.Exists(local))
            {
                await context.Error.WriteLineAsync($"{local}: error: file not found");
                return ExitCodes.InvalidInput;
            }
            var body = new JsonObject { ["file_name"] = Path.GetFileName(local), ["content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(local, ct)) };
            return await RemoteAction.RunAsync(context, result, server, api => ImportAsync(context, api, body, result.GetValue(onConflict) ?? Fail, ct));
        });
        return command;
    }

    private static async Task<int> ImportAsync(CliContext context, ApiClient api, JsonObject body, string onConflict, CancellationToken ct)
    {
        var preview = await api.SendJsonAsync(HttpMethod.Post, "api/v1/library/import/preview", body, ct);
        var items = preview?["items"]?.AsArray() ?? [];
        foreach (var item in items)
        {
            await context.Output.WriteLineAsync($"{RemoteAction.Text(item, "state")}\t{RemoteAction.Text(item, "path")}");
            foreach (var d in item?["diagnostics"]?.AsArray() ?? [])
                await context.Output.WriteLineAsync($"  {RemoteAction.Text(d, "severity")}: {RemoteAction.Text(d, "field")}: {RemoteAction.Text(d, "message")}");
        }
        var conflicts = items.Where(i => (bool?)i?["conflict"] == true).Select(i => RemoteAction.Text(i, "path")).ToList();
        if (conflicts.Count > 0 && onConflict == Fail)
        {
            await context.Error.WriteLineAsync($"error: {conflicts.Count} playbook(s) differ from the library's: {string.Join(", ", conflicts)}; " +
                "nothing was imported (choose --on-conflict skip or overwrite)");
            return ExitCodes.InvalidInput;
        }
        var resolutions = new JsonObject();
        foreach (var path in conflicts) resolutions[path] = onConflict == Overwrite ? Overwrite : "keep";
        body["resolutions"] = resolutions;
        var imported = await api.SendJsonAsync(HttpMethod.Post, "api/v1/library/import", body, ct);
        foreach (var item in imported?["items"]?.AsArray() ?? [])
        {
            var backup = RemoteAction.Text(item, "backup_path");
            await context.Output.WriteLineAsync($"{RemoteAction.Text(item, "action")}\t{RemoteAction.Text(item, "path")}" + (backup.Length > 0 ? $" (backup {backup})" : ""));
        }
        var invalid = items.Count(i => RemoteAction.Text(i, "state") == "invalid");
        if (invalid == 0) return ExitCodes.Success;
        await context.Error.WriteLineAsync($"error: {invalid} invalid playbook(s) were not imported (see above)");
        return ExitCodes.InvalidInput;
    }
}
