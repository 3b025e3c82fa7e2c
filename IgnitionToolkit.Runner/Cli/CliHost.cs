using System.Runtime.InteropServices;
using IgnitionToolkit.Core;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Cli;

/// <summary>Runs a CLI verb with the core services (configuration from appsettings.json and environment variables),
/// the console, and Ctrl+C / SIGTERM as cancellation.</summary>
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
            .AddToolkitCore(key => configuration[key])
            .AddGatewaySteps()
            .AddAiSteps(key => configuration[key]);
        await using var provider = services.BuildServiceProvider();

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
}
