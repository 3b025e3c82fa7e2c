using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Perspective.Fat;

/// <summary>The FAT reports generated in this execution, by report id (fat.export_report finds them here).</summary>
internal sealed class FatReports
{
    private const string ItemKey = "fat.reports";
    private readonly Dictionary<string, (ArtifactInfo Html, ArtifactInfo? Pdf)> _reports = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static FatReports Of(StepContext context) => context.Items.GetOrAdd(ItemKey, () => new FatReports());

    public void Add(string id, ArtifactInfo html, ArtifactInfo? pdf)
    {
        lock (_gate) _reports[id] = (html, pdf);
    }

    public (ArtifactInfo Html, ArtifactInfo? Pdf)? Find(string id)
    {
        lock (_gate) return _reports.TryGetValue(id, out var found) ? found : null;
    }

    public IReadOnlyList<string> Ids
    {
        get { lock (_gate) return [.. _reports.Keys]; }
    }
}
