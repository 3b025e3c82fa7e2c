using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Extensions;

if (CliApp.IsCliInvocation(args))
{
    return await CliHost.RunAsync(args);
}

return await ToolkitHostRunner.RunToolkitAsync(() => RunnerApplication.Build(args));
