using System.Runtime.InteropServices;
using IgnitionToolkit.Hosting.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>Runs the command line with the services and settings the hosted Runner runs steps with (<see cref="ToolkitSteps"/>:
/// configuration from appsettings.json next to the executable and environment variables, validated before <c>run</c>
/// starts), the console, and Ctrl+C / SIGTERM as cancellation (a second Ctrl+C ends the process at once).</summary>
public static class CliHost
{
    public static async Task<int> RunAsync(string[] args, OutputStyle? style = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        ServiceProvider? provider = null;
        IServiceProvider Services() => provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddToolkitSteps(configuration, StepUse.Run)
            .BuildServiceProvider();

        using var cancellation = new CancellationTokenSource();
        void OnCancel(ConsoleCancelEventArgs e)
        {
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        }
        ConsoleCancelEventHandler handler = (_, e) => OnCancel(e);
        Console.CancelKeyPress += handler;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
            var ci = IsSet(Environment.GetEnvironmentVariable("CI"));
            var context = new CliContext(Services, Console.Out, Console.Error, Console.In,
                style ?? (Console.IsOutputRedirected || ci ? OutputStyle.Timestamped : OutputStyle.Plain), interactive)
            {
                LiveTerminal = !Console.IsOutputRedirected && !ci,
            };
            return await ToolkitCommandLine.InvokeAsync(context, args, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= handler;
            if (provider is not null) await provider.DisposeAsync();
        }
    }

    /// <summary>A CI server sets <c>CI</c> (to <c>true</c>, <c>1</c>, ...): runs then print timestamped lines, never a live view.</summary>
    private static bool IsSet(string? value) => value is { Length: > 0 } && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    /// <summary>The settings' problems, one per line naming the setting, as the hosted Runner reports them at start-up; null when valid.</summary>
    public static string? InvalidSettings(IServiceProvider provider)
    {
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception ex) when (ToolkitHostRunner.ConfigurationProblem(ex) is { } problem)
        {
            return problem;
        }
    }
}
