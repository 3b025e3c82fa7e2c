using IgnitionToolkit.Cli.CommandLine;

return await CliHost.RunAsync(args);
