using System.Text.Json;
using System.Text.Json.Serialization;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Hosting.Security;
using Microsoft.Extensions.Configuration;

namespace IgnitionToolkit.Cli.Vault;

/// <summary>A credential of the local vault as listed: never its password.</summary>
public sealed record LocalCredential(string Name, string Username, DateTimeOffset CreatedAt);

/// <summary>The command line's local vault: <c>&lt;data&gt;/cli/credentials.json</c>, each password sealed with
/// <see cref="SecretEnvelope"/> (AES-256-GCM, the credential's name as associated data) under the toolkit's vault key
/// (<see cref="VaultKeyRing"/>: <c>Toolkit:Vault:Key</c> or <c>&lt;data&gt;/keys/vault.key</c>, as the API). The file
/// holds no password in plain text and is written readable by its owner only.</summary>
public sealed class LocalVault(IConfiguration configuration, ToolkitPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath => Path.Combine(paths.DataDirectory, "cli", "credentials.json");

    public IReadOnlyList<LocalCredential> List() =>
        [.. Read().OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new LocalCredential(r.Name, r.Username, r.CreatedAt))];

    /// <summary>Adds or replaces <paramref name="name"/>; true when it replaced one.</summary>
    public bool Add(string name, string username, string password)
    {
        var ring = VaultKeyRing.Load(configuration, paths);
        var records = Read();
        var replaced = records.RemoveAll(r => r.Name == name) > 0;
        records.Add(new Record(name, username, SecretEnvelope.SealText(ring.CurrentKey, ring.CurrentKeyId, password, AssociatedData(name)), DateTimeOffset.UtcNow));
        Write(records);
        return replaced;
    }

    public bool Delete(string name)
    {
        var records = Read();
        if (records.RemoveAll(r => r.Name == name) == 0) return false;
        Write(records);
        return true;
    }

    /// <summary>The password of <paramref name="name"/>, or null when there is no such credential.</summary>
    public string? Reveal(string name)
    {
        var record = Read().FirstOrDefault(r => r.Name == name);
        if (record is null) return null;
        var ring = VaultKeyRing.Load(configuration, paths);
        return SecretEnvelope.OpenText(record.Secret, ring.Find, AssociatedData(name));
    }

    private static string AssociatedData(string name) => "cli-credential:" + name;

    private List<Record> Read()
    {
        if (!File.Exists(FilePath)) return [];
        return JsonSerializer.Deserialize<List<Record>>(File.ReadAllText(FilePath), Json) ?? [];
    }

    private void Write(List<Record> records) =>
        VaultKeyRing.WriteLines(FilePath, [JsonSerializer.Serialize(records.OrderBy(r => r.Name, StringComparer.Ordinal), Json)]);

    private sealed record Record(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("username")] string Username,
        [property: JsonPropertyName("secret")] string Secret,
        [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
}
