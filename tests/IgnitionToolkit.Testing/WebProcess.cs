namespace IgnitionToolkit.Testing;

/// <summary>Starts the built Web app as a process pointed at a running API (service discovery entry
/// <c>services:api:http:0</c>, as the AppHost sets it).</summary>
public static class WebProcess
{
    /// <param name="dataDirectory">the Web's data folder (its sign-in keys); default: the stack's.</param>
    /// <param name="environment">extra settings (e.g. a rate limit a test must not hit).</param>
    public static async Task<ToolkitProcess> StartAsync(ToolkitStack stack, string? dataDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var api = stack.Api.BaseAddress.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string>
        {
            ["services__api__http__0"] = api,
            ["Toolkit__DataDirectory"] = dataDirectory ?? stack.DataDirectory,
            ["OTEL_SERVICE_NAME"] = "web",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) settings[key] = value;
        var web = ToolkitProcess.Start("IgnitionToolkit.Web", stack.WorkingDirectory, settings);
        try
        {
            await web.WaitHealthyAsync(Wait.ServiceStart);
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
        return web;
    }
}
