using System.CommandLine;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>playbook list|show|push|export|import</c>: the server's playbook library (<c>/api/v1/playbooks</c>).</summary>
public static class PlaybookCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("playbook", "The playbook library of a toolkit server.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Push(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(PlaybookImportCommand.Create(context));
        return command;
    }

    private static Argument<string> PathArgument() => new("path") { Description = "The playbook's path in the server's library (e.g. utility/hello.yaml)." };

    private static Command List(CliContext context)
    {
        var server = new ServerOptions();
        var json = LocalCommands.JsonOption();
        var search = new Option<string?>("--search") { Description = "Only playbooks whose path, name, description, tags or step types match." };
        var command = new Command("list", "List the server's playbooks: path, name, version, steps, valid or not.") { json, search };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var query = result.GetValue(search) is { Length: > 0 } s ? "?search=" + Uri.EscapeDataString(s) : "";
            var list = await api.GetJsonAsync("api/v1/playbooks/" + query, ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, list);
            foreach (var p in list.AsArray())
                await context.Output.WriteLineAsync(
                    $"{RemoteAction.Text(p, "path")}\t{RemoteAction.Text(p, "name")}\t{RemoteAction.Text(p, "version")}\t{RemoteAction.Text(p, "step_count")} steps\t{((bool?)p?["valid"] == true ? "valid" : "INVALID")}");
            if (list.AsArray().Count == 0) await context.Output.WriteLineAsync("no playbooks");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var server = new ServerOptions();
        var path = PathArgument();
        var json = LocalCommands.JsonOption();
        var command = new Command("show", "Show a playbook of the server: summary, parameters, steps, problems.") { path, json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var detail = await api.GetJsonAsync("api/v1/playbooks/" + RemoteAction.Escape(result.GetRequiredValue(path)), ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, detail);
            var summary = detail["summary"];
            var output = context.Output;
            await output.WriteLineAsync($"{RemoteAction.Text(summary, "path")}: {RemoteAction.Text(summary, "name")} {RemoteAction.Text(summary, "version")}");
            if (RemoteAction.Text(summary, "description") is { Length: > 0 } description) await output.WriteLineAsync(description);
            foreach (var p in detail["parameters"]?.AsArray() ?? [])
                await output.WriteLineAsync($"  parameter {RemoteAction.Text(p, "name")} ({RemoteAction.Text(p, "type")}{((bool?)p?["required"] == true ? ", required" : "")})");
            foreach (var s in detail["steps"]?.AsArray() ?? [])
                await output.WriteLineAsync($"  step {RemoteAction.Text(s, "id")}: {RemoteAction.Text(s, "name")} ({RemoteAction.Text(s, "type")})");
            foreach (var d in detail["diagnostics"]?.AsArray() ?? [])
                await output.WriteLineAsync($"  {RemoteAction.Text(d, "severity")}: {RemoteAction.Text(d, "field")}: {RemoteAction.Text(d, "message")}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Push(CliContext context)
    {
        var server = new ServerOptions();
        var file = new Argument<string>("file") { Description = "The local playbook file (.yaml) to upload." };
        var target = new Option<string?>("--path") { Description = "Its path in the server's library (default: the file's name).", HelpName = "LIBRARY_PATH" };
        var command = new Command("push", "Upload a local playbook to the server's library: created, or updated with a backup; refused when invalid.") { file, target };
        server.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var local = result.GetRequiredValue(file);
            if (!File.Exists(local))
            {
                await context.Error.WriteLineAsync($"{local}: error: file not found");
                return ExitCodes.InvalidInput;
            }
            var yaml = await File.ReadAllTextAsync(local, ct);
            var path = result.GetValue(target) ?? Path.GetFileName(local);
            return await RemoteAction.RunAsync(context, result, server, async api =>
            {
                string done;
                try
                {
                    await api.SendJsonAsync(HttpMethod.Put, "api/v1/playbooks/" + RemoteAction.Escape(path), new { yaml }, ct);
                    done = "updated";
                }
                catch (RemoteException ex) when (ex.ExitCode == ExitCodes.InvalidInput && ex.Message.Contains("use POST to create it", StringComparison.Ordinal))
                {
                    await api.SendJsonAsync(HttpMethod.Post, "api/v1/playbooks/", new { path, yaml }, ct);
                    done = "created";
                }
                await context.Output.WriteLineAsync($"{local} → {path}: {done}");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var server = new ServerOptions();
        var path = PathArgument();
        var output = new Option<string?>("--output", "-o") { Description = "Write the YAML to this file (default: standard output).", HelpName = "FILE" };
        var command = new Command("export", "Download a playbook's YAML from the server's library.") { path, output };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var detail = await api.GetJsonAsync("api/v1/playbooks/" + RemoteAction.Escape(result.GetRequiredValue(path)), ct);
            var yaml = RemoteAction.Text(detail, "yaml");
            if (result.GetValue(output) is { } file)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(file, yaml, ct);
                await context.Error.WriteLineAsync($"{result.GetRequiredValue(path)} → {file}");
            }
            else await context.Output.WriteAsync(yaml);
            return ExitCodes.Success;
        }));
        return command;
    }
}
