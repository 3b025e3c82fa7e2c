using System.Runtime.InteropServices;
using IgnitionToolkit.Hosting.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Runner.Cli;

/// <summary>Runs a CLI verb with the services and settings the hosted Runner runs steps with (<see cref="ToolkitSteps"/>:
/// configuration from appsettings.json and environment variables, validated before <c>run</c> starts), the console, and
/// Ctrl+C / SIGTERM as cancellation.</summary>
public static class CliHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddToolkitSteps(configuration, StepUse.Run);
        await using var provider = services.BuildServiceProvider();
        if (args.FirstOrDefault() == "run" && InvalidSettings(provider) is { } problem) // validate/migrate run no step
        {
            await Console.Error.WriteLineAsync($"error: the configuration is invalid:{Environment.NewLine}{problem}");
            return CliApp.InvalidInput;
        }

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
            return await new CliApp(provider, Console.Out, Console.Error).RunAsync(args, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= handler;
        }
    }

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
