using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Collects the text of every playbook reachable through <c>playbook.run</c> (canonical path → text),
/// so a Runner needs no shared disk.</summary>
public interface IPlaybookBundler
{
    IReadOnlyDictionary<string, string> Collect(Playbook playbook, IPlaybookSource source);
}

/// <summary>Walks <c>playbook.run</c> steps whose <c>playbook</c> parameter is a literal path (templated paths are
/// resolved by the Runner and must then be found in the library it sees).</summary>
public sealed class PlaybookBundler(IPlaybookLoader loader) : IPlaybookBundler
{
    public const string RunStepType = "playbook.run";
    public const string PlaybookParameter = "playbook";
    private const int MaxFiles = 100;

    public IReadOnlyDictionary<string, string> Collect(Playbook playbook, IPlaybookSource source)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(playbook, source, bundle);
        return bundle;
    }

    private void Walk(Playbook playbook, IPlaybookSource source, Dictionary<string, string> bundle)
    {
        foreach (var step in playbook.Steps.Where(s => s.Type == RunStepType))
        {
            if (bundle.Count >= MaxFiles) return;
            if (!step.Parameters.TryGetValue(PlaybookParameter, out var value) || value is not string reference || reference.Contains("{{"))
                continue;
            var file = source.Find(reference, playbook.SourcePath);
            if (file is null || !bundle.TryAdd(file.Path, file.Text)) continue;
            var nested = loader.Load(file.Text, file.Path).Playbook;
            if (nested is not null) Walk(nested, source, bundle);
        }
    }
}
