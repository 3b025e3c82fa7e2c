using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Extensions;
using IgnitionToolkit.Api.Persistence;

var builder = WebApplication.CreateBuilder(RotateVaultKeyCommand.WithoutFlag(MigrateDatabaseCommand.WithoutFlag(args)));
builder.AddToolkitApi();
var app = builder.Build();

if (MigrateDatabaseCommand.IsRequested(args))
    return await MigrateDatabaseCommand.RunAsync(app);
if (RotateVaultKeyCommand.IsRequested(args))
    return await RotateVaultKeyCommand.RunAsync(app);

return await ToolkitHostRunner.RunToolkitAsync(app.MapToolkitApi); // invalid settings: one clear message, exit code 2

/// <summary>Entry point, visible to the functional tests (WebApplicationFactory).</summary>
public partial class Program;
