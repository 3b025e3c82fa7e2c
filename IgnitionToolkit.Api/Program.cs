using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Extensions;

var builder = WebApplication.CreateBuilder(RotateVaultKeyCommand.WithoutFlag(MigrateCommand.WithoutFlag(args)));
builder.AddToolkitApi();
var app = builder.Build();

if (MigrateCommand.IsRequested(args))
    return await MigrateCommand.RunAsync(app);
if (RotateVaultKeyCommand.IsRequested(args))
    return await RotateVaultKeyCommand.RunAsync(app);

return await ToolkitHostRunner.RunToolkitAsync(app.MapToolkitApi); // invalid settings: one clear message, exit code 2

/// <summary>Entry point, visible to the functional tests (WebApplicationFactory).</summary>
public partial class Program;
