using System.Security.Cryptography;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Security;
using Microsoft.Extensions.Configuration;

namespace IgnitionToolkit.Hosting.Security;

/// <summary>
/// The vault's master keys, kept outside the database: configuration <c>Toolkit:Vault:Key</c> (base64, 32 bytes) when
/// set, else the key file <c>&lt;data&gt;/keys/vault.key</c> (one line <c>&lt;keyId&gt;:&lt;base64&gt;</c>, created with mode
/// 0600 on first start). <c>vault.key.previous</c> holds the keys being replaced while <c>rotate-vault-key</c> runs.
/// </summary>
public sealed class VaultKeyRing
{
    public const string KeyConfigurationKey = "Toolkit:Vault:Key";
    public const string NewKeyConfigurationKey = "Toolkit:Vault:NewKey";
    private readonly Dictionary<string, byte[]> _keys;

    private VaultKeyRing(string currentKeyId, Dictionary<string, byte[]> keys, string source, bool fromFile)
    {
        CurrentKeyId = currentKeyId;
        _keys = keys;
        Source = source;
        FromFile = fromFile;
    }

    public string CurrentKeyId { get; }
    public byte[] CurrentKey => _keys[CurrentKeyId];
    /// <summary>Where the current key comes from (a path or the configuration key), for messages.</summary>
    public string Source { get; }
    public bool FromFile { get; }
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>A ring whose current key is <paramref name="current"/>'s and that also opens <paramref name="other"/>'s keys.</summary>
    public static VaultKeyRing Combine(VaultKeyRing current, VaultKeyRing other)
    {
        var keys = new Dictionary<string, byte[]>(current._keys, StringComparer.Ordinal);
        foreach (var (id, key) in other._keys) keys.TryAdd(id, key);
        return new VaultKeyRing(current.CurrentKeyId, keys, current.Source, current.FromFile);
    }

    public static string KeyFile(ToolkitPaths paths) => Path.Combine(paths.DataDirectory, "keys", "vault.key");

    public static string PreviousKeyFile(ToolkitPaths paths) => KeyFile(paths) + ".previous";

    /// <summary>Loads the keys, creating the key file when neither it nor the configuration key exists.</summary>
    /// <exception cref="VaultKeyException">The configured key or the key file is unusable.</exception>
    public static VaultKeyRing Load(IConfiguration configuration, ToolkitPaths paths)
    {
        var configured = configuration[KeyConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = SecretEnvelope.ParseKey(configured, KeyConfigurationKey, out var error) ?? throw new VaultKeyException(error!);
            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [ConfiguredKeyId(key)] = key };
            return new VaultKeyRing(ConfiguredKeyId(key), keys, $"configuration {KeyConfigurationKey}", fromFile: false);
        }

        var file = KeyFile(paths);
        if (!File.Exists(file)) WriteKeyFile(file, NewKeyId(), SecretEnvelope.NewKey());
        var (currentId, current) = ReadKeyLines(file).FirstOrDefault();
        if (current is null) throw new VaultKeyException($"the vault key file {file} is empty");
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [currentId] = current };
        var previous = PreviousKeyFile(paths);
        if (File.Exists(previous))
        {
            foreach (var (id, key) in ReadKeyLines(previous)) all.TryAdd(id, key);
        }
        return new VaultKeyRing(currentId, all, file, fromFile: true);
    }

    /// <summary>Key id of a configured key: derived from the key, so the same key always has the same id.</summary>
    public static string ConfiguredKeyId(byte[] key) => "cfg-" + Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static string FormatLine(string keyId, byte[] key) => $"{keyId}:{Convert.ToBase64String(key)}";

    /// <summary>Writes a key file readable by its owner only (0600; its folder 0700), replacing any existing one atomically.</summary>
    public static void WriteKeyFile(string path, string keyId, byte[] key) => WriteLines(path, [FormatLine(keyId, key)]);

    public static void WriteLines(string path, IEnumerable<string> lines)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            foreach (var line in lines) writer.WriteLine(line);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static IEnumerable<(string Id, byte[] Key)> ReadKeyLines(string file)
    {
        var number = 0;
        foreach (var raw in File.ReadAllLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':');
            var key = colon > 0 ? SecretEnvelope.ParseKey(line[(colon + 1)..], $"{file}:{number}", out _) : null;
            if (key is null)
                throw new VaultKeyException($"{file}:{number}: expected '<keyId>:<base64 of 32 bytes>'; the vault key file is damaged");
            yield return (line[..colon], key);
        }
    }
}

/// <summary>The vault's key is missing, malformed, or not the one a credential was encrypted with.</summary>
public sealed class VaultKeyException(string message) : Exception(message);
