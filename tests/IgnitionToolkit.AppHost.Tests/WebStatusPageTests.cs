using System.Diagnostics;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>The web app on its own (built binary, as the AppHost starts it), pointed at an API that does not answer.</summary>
[Trait("Category", "Functional")]
public sealed class WebStatusPageTests
{
    [Fact]
    public async Task Status_page_says_the_api_could_not_be_read_and_how_to_start_it()
    {
        var webPort = TestSettings.FreePort();
        var deadApiPort = TestSettings.FreePort();
        using var web = StartWeb(webPort, $"http://127.0.0.1:{deadApiPort}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
            await WaitUntilHealthyAsync(client, web);

            var html = await client.GetStringAsync("/");

            Assert.Contains("The API could not be read", html, StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{deadApiPort}", html, StringComparison.Ordinal);
            Assert.Contains("make start", html, StringComparison.Ordinal);
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    private static Process StartWeb(int port, string apiBaseAddress)
    {
        // Same configuration (Debug/Release) as this test assembly: .../bin/<configuration>/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = RepositoryFiles.PathOf($"IgnitionToolkit.Web/bin/{configuration}/net10.0/IgnitionToolkit.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build IgnitionToolkit.Web first");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Toolkit__ApiBaseAddress"] = apiBaseAddress;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process web)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(web.HasExited, $"the web app exited with code {(web.HasExited ? web.ExitCode : 0)}");
            try
            {
                using var response = await client.GetAsync("/health", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
