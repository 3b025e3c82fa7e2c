using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Extensions;

if (CliApp.IsCliInvocation(args))
{
    return await CliHost.RunAsync(args);
}

await RunnerApplication.Build(args).RunAsync();
return 0;
