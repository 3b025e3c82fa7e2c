using IgnitionToolkit.Core.Playbooks.Loading;
using IgnitionToolkit.Core.Playbooks.Yaml;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>
/// Parses playbook YAML (keeping line and column of every field) and validates it against the step catalogue,
/// returning every diagnostic at once. Hostile input (oversize, alias bombs, custom tags, duplicate keys,
/// syntax errors) is refused with a diagnostic, never an exception.
/// </summary>
public sealed class PlaybookLoader(IStepCatalog catalog, PlaybookLoaderOptions options) : IPlaybookLoader
{
    public PlaybookLoader(IStepCatalog catalog) : this(catalog, PlaybookLoaderOptions.Default) { }

    public PlaybookLoaderOptions Options { get; } = options;

    private readonly PlaybookLoadCache _cache = new();

    /// <inheritdoc/>
    /// <remarks>The same text at the same path, finding the same nested playbooks, gives the result of the previous load
    /// (<see cref="PlaybookLoadCache"/>).</remarks>
    public PlaybookLoadResult Load(string yaml, string sourcePath, IPlaybookSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourcePath);
        return _cache.GetOrLoad(yaml, sourcePath, source, recorded => LoadTopLevel(yaml, sourcePath, recorded));
    }

    private PlaybookLoadResult LoadTopLevel(string yaml, string sourcePath, IPlaybookSource? source)
    {
        var chain = new NestingChain([sourcePath], source?.Find(sourcePath, sourcePath)?.Path);
        var result = LoadCore(yaml, sourcePath, source, chain);
        var files = result.Diagnostics.Select(d => d.Location.File).Distinct().ToList();
        var ordered = result.Diagnostics.Distinct()
            .OrderBy(d => files.IndexOf(d.Location.File)).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .ToList();
        return result with { Diagnostics = ordered };
    }

    internal PlaybookLoadResult LoadCore(string yaml, string path, IPlaybookSource? source, NestingChain chain)
    {
        var read = SafeYamlReader.Read(yaml, path, Options);
        if (read.Root is null) return new PlaybookLoadResult(null, read.Errors);

        var bag = new DiagnosticBag(path);
        var draft = PlaybookStructureReader.Read(read.Root, bag);
        if (!read.Root.IsMapping) return new PlaybookLoadResult(null, bag.Items);

        CheckUniqueIds(draft, bag);
        foreach (var step in draft.Steps)
        {
            StepTypeResolver.Resolve(step, catalog, bag);
            StepParameterChecker.Check(step, bag);
        }
        new TemplateReferenceChecker(draft, bag).CheckAll();
        if (source is not null)
        {
            // a child's required parameter may also come from the caller's parameter or variable of the same name
            var inherited = draft.Parameters.Select(p => p.Name)
                .Concat(draft.Steps.Where(s => s.CanonicalType == TemplateReferenceChecker.SetVariableType)
                    .Select(s => s.Parameters.GetValueOrDefault("name") as string).OfType<string>())
                .ToHashSet(StringComparer.Ordinal);
            var nested = new NestedPlaybookChecker(this, source, chain, bag, inherited);
            foreach (var step in draft.Steps) nested.Check(step);
        }
        return new PlaybookLoadResult(Build(draft, path, bag.File), bag.Items);
    }

    private static void CheckUniqueIds(PlaybookDraft draft, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, StepDraft>(StringComparer.Ordinal);
        foreach (var step in draft.Steps.Where(s => !string.IsNullOrEmpty(s.Id)))
        {
            if (seen.TryGetValue(step.Id, out var first))
                bag.Error(step.Node["id"], step.Field + ".id",
                    $"duplicate step id '{step.Id}' (already used by the step on line {first.Node.Start.Line}); step ids must be unique");
            else
                seen[step.Id] = step;
        }
    }

    private static Playbook Build(PlaybookDraft draft, string path, string file)
    {
        var steps = draft.Steps.Select(s => new PlaybookStep(
            s.Id,
            string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name,
            string.IsNullOrEmpty(s.CanonicalType) ? s.WrittenType : s.CanonicalType,
            s.Parameters,
            s.OnFailure,
            s.Timeout,
            s.RetryCount,
            s.RetryDelay,
            s.Node.Location(file))
        {
            ParameterLocations = s.Parameters.Keys.ToDictionary(k => k, k => s.ParameterLocation(k, file), StringComparer.Ordinal),
        }).ToList();
        return new Playbook(draft.Name, draft.Version, draft.Description, draft.Parameters, steps, draft.Metadata, path) { Resume = draft.Resume };
    }
}
