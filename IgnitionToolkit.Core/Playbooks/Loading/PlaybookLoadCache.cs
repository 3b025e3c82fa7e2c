using System.Collections.Concurrent;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>
/// The results of a loader's latest loads, by path and text, so a playbook run again and again (a CI job, a schedule)
/// is parsed and validated once per service instead of on every start: reading the YAML of a 1,000-step playbook took
/// about 10 ms in the API and again in the Runner before its first step (docs/performance.md). A result also depends
/// on every nested playbook the load found through its <see cref="IPlaybookSource"/>: each lookup is recorded and
/// replayed on the next load's source, and any difference (a child edited, added or removed) loads afresh.
/// Results are immutable records, shared by every caller. The step catalogue and options are fixed per loader.
/// </summary>
internal sealed class PlaybookLoadCache
{
    /// <summary>Playbooks kept; when full the cache starts over (the same few playbooks are what repeats).</summary>
    internal const int Capacity = 32;

    private readonly ConcurrentDictionary<(string Path, string Text), Entry> _entries = new();

    public PlaybookLoadResult GetOrLoad(string yaml, string path, IPlaybookSource? source, Func<IPlaybookSource?, PlaybookLoadResult> load)
    {
        if (_entries.TryGetValue((path, yaml), out var cached) && cached.StillHolds(source)) return cached.Result;
        var recording = source is null ? null : new RecordingSource(source);
        var result = load(recording);
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[(path, yaml)] = new Entry(result, source is not null, recording?.Lookups ?? []);
        return result;
    }

    private sealed record Lookup(string Reference, string FromPath, PlaybookSourceFile? Found);

    private sealed record Entry(PlaybookLoadResult Result, bool HadSource, IReadOnlyList<Lookup> Lookups)
    {
        /// <summary>True when <paramref name="source"/> finds exactly what the recorded load found.</summary>
        public bool StillHolds(IPlaybookSource? source) =>
            HadSource == source is not null
            && Lookups.All(l => Equals(source!.Find(l.Reference, l.FromPath), l.Found));
    }

    /// <summary>Passes lookups through, noting each with its answer (one load at a time uses an instance).</summary>
    private sealed class RecordingSource(IPlaybookSource inner) : IPlaybookSource
    {
        public List<Lookup> Lookups { get; } = [];

        public PlaybookSourceFile? Find(string reference, string fromPath)
        {
            var found = inner.Find(reference, fromPath);
            Lookups.Add(new Lookup(reference, fromPath, found));
            return found;
        }
    }
}
