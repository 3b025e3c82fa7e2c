using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Api.Persistence;

namespace IgnitionToolkit.Api.Credentials;

/// <summary><c>dotnet IgnitionToolkit.Api.dll rotate-vault-key</c> (or <c>--rotate-vault-key</c>): migrates the database,
/// re-encrypts every credential with a new vault key, prints how many, and exits.</summary>
public static partial class RotateVaultKeyCommand
{
    private static readonly string[] Flags = ["rotate-vault-key", "--rotate-vault-key"];

    public static bool IsRequested(string[] args) => args.Any(IsFlag);

    public static string[] WithoutFlag(string[] args) => args.Where(a => !IsFlag(a)).ToArray();

    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RotateVaultKeyCommand));
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            var rotation = ActivatorUtilities.CreateInstance<VaultKeyRotation>(app.Services);
            var result = await rotation.RotateAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"rotate-vault-key: {result.ReEncrypted} credential(s) re-encrypted; key {result.OldKeyId} replaced by {result.NewKeyId}");
            return 0;
        }
        catch (Exception ex) when (ex is VaultKeyException or IOException or UnauthorizedAccessException)
        {
            LogFailed(logger, ex.Message);
            await Console.Error.WriteLineAsync($"rotate-vault-key failed: {ex.Message}");
            return 1;
        }
    }

    private static bool IsFlag(string arg) => Flags.Contains(arg, StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "rotate-vault-key failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
