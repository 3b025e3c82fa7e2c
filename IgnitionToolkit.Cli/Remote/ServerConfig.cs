using System.Text.Json;
using System.Text.Json.Serialization;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Hosting.Security;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>What <c>login</c> saved: the server and its bearer token (a sign-in token or an API token), never a password.</summary>
public sealed record SavedLogin(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);

/// <summary>The remote commands' config file, <c>&lt;config folder&gt;/config.json</c> (on Linux <c>~/.config/ignition-toolkit</c>),
/// written readable by its owner only (0600) as it holds a token.</summary>
public sealed class ServerConfig(CliContext context)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath => Path.Combine(context.ConfigDirectory, "config.json");

    public SavedLogin? Read()
    {
        try
        {
            return File.Exists(FilePath) ? JsonSerializer.Deserialize<SavedLogin>(File.ReadAllText(FilePath), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged file is as good as none: login writes it again
        }
    }

    public void Save(SavedLogin login) => VaultKeyRing.WriteLines(FilePath, [JsonSerializer.Serialize(login, Json)]);

    /// <summary>Deletes the file; the login it held, or null when there was none.</summary>
    public SavedLogin? Delete()
    {
        var login = Read();
        if (File.Exists(FilePath)) File.Delete(FilePath);
        return login;
    }
}
