using System.CommandLine;
using IgnitionToolkit.Cli.Setup;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>init</c> and <c>doctor</c>.</summary>
public static class SetupCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var init = new Command("init", "Create the data folder, the vault key and (in an empty library) the sample playbooks. Replaces nothing.");
        init.SetAction((_, token) => new InitCommand(context).ExecuteAsync(token));
        yield return init;

        var server = new Option<string?>("--server") { Description = "Also check that the toolkit API at this URL answers /health (exit code 4 when not).", HelpName = "URL" };
        var json = LocalCommands.JsonOption();
        var doctor = new Command("doctor", "Check the .NET runtime, python3, Chromium, the data folder, and the broker and database when configured.") { server, json };
        doctor.SetAction(async (result, token) =>
        {
            Uri? url = null;
            if (result.GetValue(server) is { } text && !ServerUrl.TryParse(text, out url))
            {
                await context.Error.WriteLineAsync($"error: --server {text}: expected an http:// or https:// URL");
                return ExitCodes.InvalidInput;
            }
            return await new DoctorCommand(context).ExecuteAsync(url, result.GetValue(json), token);
        });
        yield return doctor;
    }
}
