using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Extensions;

if (CliApp.IsCliInvocation(args))
{
    // The legacy verbs keep their plain lines; `ignition-toolkit` is the command line (docs/cli.md).
    return await CliHost.RunAsync(args[0] == "help" ? ["--help", .. args[1..]] : args, OutputStyle.Plain);
}

return await ToolkitHostRunner.RunToolkitAsync(() => RunnerApplication.Build(args));
