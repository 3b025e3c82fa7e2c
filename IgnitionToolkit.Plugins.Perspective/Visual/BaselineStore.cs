using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IgnitionToolkit.Core.Configuration;

namespace IgnitionToolkit.Plugins.Perspective.Visual;

/// <summary>One baseline: the picture a comparison step checks against, for a playbook, a name and a viewport.</summary>
/// <param name="Key">File stem: <c>&lt;name&gt;-&lt;width&gt;x&lt;height&gt;</c>.</param>
public sealed record BaselineLocation(string Folder, string Key)
{
    public string Approved => Path.Combine(Folder, Key + ".png");
    public string Pending => Path.Combine(Folder, Key + ".pending.png");
    public string Record => Path.Combine(Folder, Key + ".json");
    public string HistoryFolder => Path.Combine(Folder, "history");
}

/// <summary>One baseline as the Baselines page lists it: whose it is, whether it is approved, whether a new picture waits.</summary>
public sealed record BaselineEntry(string PlaybookPath, string Key, BaselineLocation Location, BaselineApproval? Approval, bool Pending, int HistoryCount);

/// <summary>An earlier baseline kept in <c>history/</c>: its version (when it was approved, <c>yyyyMMddTHHmmssZ</c>), who
/// approved it (when its record was kept with it) and its size in bytes.</summary>
public sealed record BaselineHistoryItem(string Version, BaselineApproval? Approval, long Size);

/// <summary>Who approved a baseline and when (the <c>.json</c> beside its PNG).</summary>
public sealed record BaselineApproval(string ApprovedBy, DateTimeOffset ApprovedAt, int Width, int Height, long Size);

/// <summary>
/// Where baselines live and how they change. A playbook of the local library folder keeps them next to it, in
/// <c>&lt;playbook&gt;.baselines/</c> (they version with the playbooks); any other playbook (a git source, read-only) keeps
/// them in the data folder, <c>&lt;data&gt;/baselines/&lt;playbook path&gt;/</c>, which the API and the Runners share as they
/// share artifacts. A step never approves: it writes <c>.pending.png</c>; approval (the API, an operator) makes the pending
/// picture the baseline and moves the earlier one to <c>history/</c>.
/// </summary>
public sealed partial class BaselineStore(ToolkitPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public BaselineLocation Locate(string playbookPath, string name, int width, int height)
    {
        var key = $"{Safe(name)}-{width.ToString(CultureInfo.InvariantCulture)}x{height.ToString(CultureInfo.InvariantCulture)}";
        return new BaselineLocation(FolderOf(playbookPath), key);
    }

    /// <summary>The folder of a playbook's baselines (see the class).</summary>
    public string FolderOf(string playbookPath)
    {
        var library = Path.GetFullPath(paths.PlaybooksDirectory);
        var file = Path.IsPathRooted(playbookPath) ? Path.GetFullPath(playbookPath) : Path.GetFullPath(Path.Combine(library, playbookPath));
        var inLibrary = file.StartsWith(library + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file);
        if (inLibrary) return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".baselines");
        var relative = Path.IsPathRooted(playbookPath) ? Path.GetFileName(playbookPath) : playbookPath;
        var parts = relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Select(Safe);
        return Path.Combine([paths.DataDirectory, "baselines", .. parts.SkipLast(1), Path.GetFileNameWithoutExtension(relative) is { Length: > 0 } stem ? Safe(stem) : "playbook"]);
    }

    /// <summary>The baseline <paramref name="key"/> of a playbook; null when the key is not one this store makes
    /// (<c>name-WxH</c> of safe characters), so no request can name a file outside a baselines folder.</summary>
    public BaselineLocation? Find(string playbookPath, string key) =>
        KeyPattern().IsMatch(key) ? new BaselineLocation(FolderOf(playbookPath), key) : null;

    /// <summary>Every baseline (approved or pending) of the library and of the data folder, by playbook then key.</summary>
    public IReadOnlyList<BaselineEntry> List()
    {
        var entries = new List<BaselineEntry>();
        var library = Path.GetFullPath(paths.PlaybooksDirectory);
        if (Directory.Exists(library))
        {
            foreach (var folder in Directory.EnumerateDirectories(library, "*.baselines", SearchOption.AllDirectories))
            {
                var stem = Path.GetFileName(folder)[..^".baselines".Length];
                var directory = Path.GetDirectoryName(folder)!;
                var file = new[] { ".yaml", ".yml" }.Select(e => Path.Combine(directory, stem + e)).FirstOrDefault(File.Exists)
                    ?? Path.Combine(directory, stem + ".yaml");
                entries.AddRange(Entries(Path.GetRelativePath(library, file).Replace('\\', '/'), folder));
            }
        }
        var data = Path.Combine(paths.DataDirectory, "baselines");
        if (Directory.Exists(data))
        {
            foreach (var folder in Directory.EnumerateDirectories(data, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "history" && Directory.EnumerateFiles(f, "*.png").Any()))
                entries.AddRange(Entries(Path.GetRelativePath(data, folder).Replace('\\', '/') + ".yaml", folder));
        }
        return [.. entries.OrderBy(e => e.PlaybookPath, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    private IEnumerable<BaselineEntry> Entries(string playbookPath, string folder) =>
        Directory.EnumerateFiles(folder, "*.png")
            .Select(f => Path.GetFileName(f)[..^".png".Length])
            .Select(name => name.EndsWith(".pending", StringComparison.Ordinal) ? name[..^".pending".Length] : name)
            .Where(key => KeyPattern().IsMatch(key))
            .Distinct(StringComparer.Ordinal)
            .Select(key => Entry(playbookPath, new BaselineLocation(folder, key)));

    /// <summary>One baseline as <see cref="List"/> shows it, read from its files.</summary>
    public BaselineEntry Entry(string playbookPath, BaselineLocation location) =>
        new(playbookPath, location.Key, location, ReadApproval(location), File.Exists(location.Pending), History(location).Count);

    public byte[]? ReadApproved(BaselineLocation location) => File.Exists(location.Approved) ? File.ReadAllBytes(location.Approved) : null;

    public BaselineApproval? ReadApproval(BaselineLocation location) =>
        File.Exists(location.Record) ? JsonSerializer.Deserialize<BaselineApproval>(File.ReadAllText(location.Record), Json) : null;

    /// <summary>Keeps a picture as the candidate for approval (the first capture, or the actual picture of a failed comparison).</summary>
    public void WritePending(BaselineLocation location, byte[] png)
    {
        Directory.CreateDirectory(location.Folder);
        WriteAtomically(location.Pending, png);
    }

    /// <summary>Makes the pending picture the baseline; the earlier baseline moves to <c>history/</c>. False when nothing is pending.</summary>
    public bool Approve(BaselineLocation location, string approvedBy, DateTimeOffset now)
    {
        if (!File.Exists(location.Pending)) return false;
        var png = File.ReadAllBytes(location.Pending);
        var (width, height) = ImageComparison.SizeOf(png);
        if (File.Exists(location.Approved))
        {
            Directory.CreateDirectory(location.HistoryFolder);
            var stamp = (ReadApproval(location)?.ApprovedAt ?? File.GetLastWriteTimeUtc(location.Approved)).ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture);
            File.Move(location.Approved, Path.Combine(location.HistoryFolder, $"{location.Key}.{stamp}.png"), overwrite: true);
            if (File.Exists(location.Record)) File.Move(location.Record, Path.Combine(location.HistoryFolder, $"{location.Key}.{stamp}.json"), overwrite: true);
        }
        WriteAtomically(location.Approved, png);
        WriteAtomically(location.Record, JsonSerializer.SerializeToUtf8Bytes(new BaselineApproval(approvedBy, now, width, height, png.Length), Json));
        File.Delete(location.Pending);
        return true;
    }

    /// <summary>The earlier baselines of a location, newest first.</summary>
    public IReadOnlyList<string> History(BaselineLocation location) =>
        Directory.Exists(location.HistoryFolder)
            ? [.. Directory.GetFiles(location.HistoryFolder, location.Key + ".*.png").OrderDescending(StringComparer.Ordinal)]
            : [];

    /// <summary>The earlier baselines of a location with who approved them, newest first.</summary>
    public IReadOnlyList<BaselineHistoryItem> HistoryItems(BaselineLocation location) =>
        [.. History(location).Select(file =>
        {
            var version = Path.GetFileName(file)[(location.Key.Length + 1)..^".png".Length];
            var record = Path.ChangeExtension(file, ".json");
            var approval = File.Exists(record) ? JsonSerializer.Deserialize<BaselineApproval>(File.ReadAllText(record), Json) : null;
            return new BaselineHistoryItem(version, approval, new FileInfo(file).Length);
        })];

    /// <summary>The picture of an earlier baseline; null when <paramref name="version"/> is not a history stamp (so no request
    /// can name another file) or there is no such picture.</summary>
    public string? HistoryPicture(BaselineLocation location, string version) =>
        VersionPattern().IsMatch(version) && Path.Combine(location.HistoryFolder, $"{location.Key}.{version}.png") is var file && File.Exists(file) ? file : null;

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]*-[0-9]+x[0-9]+$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex VersionPattern();

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A name fit for a file: letters, digits, '-', '_' and '.'; anything else becomes '_'.</summary>
    private static string Safe(string name)
    {
        var chars = name.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "baseline" : safe;
    }
}
