using IgnitionToolkit.AppHost.Hosting;

try
{
    var builder = DistributedApplication.CreateBuilder(args);

    var settings = ToolkitHostSettings.From(builder);
    var messaging = builder.AddToolkitMessaging(settings);
    var database = builder.AddToolkitDatabase(settings);

    var api = builder.AddToolkitApi(settings, messaging, database).WithToolkitAuth(builder).WithToolkitVaultKey(builder);
    var runner = builder.AddToolkitRunner(settings, messaging, api);
    builder.AddCredentialTransportKey(api, runner);
    builder.AddToolkitDemo(api);
    builder.AddToolkitWeb(settings, api);

    builder.Build().Run();
    return 0;
}
catch (ToolkitHostingException ex)
{
    // The AppHost is a developer launcher: a plain sentence on stderr beats a stack trace here.
    await Console.Error.WriteLineAsync($"IgnitionToolkit.AppHost: {ex.Message}");
    return 1;
}
