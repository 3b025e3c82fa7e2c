using System.Text.RegularExpressions;
using IgnitionToolkit.Core.Playbooks.Migration;
using IgnitionToolkit.Core.Playbooks.Templates;
using IgnitionToolkit.Core.Playbooks.Yaml;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>
/// Rewrites v2 playbooks to v3 at text level, so comments and layout survive: deprecated step type names become
/// their v3 names, renamed parameters get their new names, and simple value conversions (e.g. milliseconds to
/// seconds) are applied. A step whose v3 form is not a pure rename (the alias adds, drops or re-reads a parameter) is
/// left as written — it still runs through its alias — and the report says why. Anything else it cannot rewrite safely
/// is listed as a change note to review.
/// </summary>
public sealed partial class PlaybookMigrator(IStepCatalog catalog) : IPlaybookMigrator
{
    public const string BackupSuffix = ".v2.bak";

    public (string Text, IReadOnlyList<MigrationChange> Changes) Migrate(string yaml, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var root = SafeYamlReader.Read(yaml, sourcePath, PlaybookLoaderOptions.Default).Root;
        if (root?["steps"] is not { IsSequence: true } steps) return (yaml, []);

        var edits = new List<TextEdit>();
        var changes = new List<MigrationChange>();
        var stepIds = new List<string>();
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps.Items.Where(s => s.IsMapping))
        {
            var id = step["id"]?.Text ?? "?";
            MigrateStep(step, id, edits, changes);
            NoteOldFields(step, id, changes);
            RewriteStepVariables(yaml, step, id, stepIds, variables, edits, changes);
            if (step["type"]?.Text == "utility.set_variable" && step["parameters"]?["name"] is { IsScalar: true } name)
                variables.Add(name.Text);
            stepIds.Add(id);
        }
        return (TextEdit.Apply(yaml, edits), changes.OrderBy(c => c.Line).ToList());
    }

    public MigrationReport MigrateFile(string path, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            return new MigrationReport(path, false, null, [],
                [new PlaybookDiagnostic(DiagnosticSeverity.Error, SourceLocation.None(path), "file", "file not found")]);
        var original = File.ReadAllText(path);
        var (text, changes) = Migrate(original, path);
        var changed = !string.Equals(text, original, StringComparison.Ordinal);
        string? backup = null;
        if (changed && !dryRun)
        {
            backup = path + BackupSuffix;
            File.Copy(path, backup, overwrite: true);
            File.WriteAllText(path, text);
        }
        var problems = new PlaybookLoader(catalog).Load(text, path).Diagnostics;
        return new MigrationReport(path, changed, backup, changes, problems);
    }

    private void MigrateStep(YamlValueNode step, string id, List<TextEdit> edits, List<MigrationChange> changes)
    {
        if (step["type"] is not { IsScalar: true } typeNode) return;
        var lookup = catalog.Lookup(typeNode.Text);
        if (lookup is not { Descriptor: { } descriptor, Alias: { } alias }) return;
        var stepEdits = new List<TextEdit>();
        var stepChanges = new List<MigrationChange>();
        var reasons = RewriteStep(step, id, typeNode, descriptor, alias, stepEdits, stepChanges);
        if (reasons.Count == 0)
        {
            edits.AddRange(stepEdits);
            changes.AddRange(stepChanges);
            return;
        }
        changes.Add(new MigrationChange(Line(typeNode), $"step '{id}': kept as '{alias.Name}' (it runs as written): its v3 form " +
            $"'{descriptor.Type}' is not a pure rename: {string.Join("; ", reasons)}"));
    }

    /// <summary>The step's edits; returns why it is not a pure rename (empty: it is).</summary>
    private static List<string> RewriteStep(YamlValueNode step, string id, YamlValueNode typeNode, StepTypeDescriptor descriptor,
        StepTypeAlias alias, List<TextEdit> edits, List<MigrationChange> changes)
    {
        edits.Add(Replace(typeNode, ScalarText.Name(typeNode, descriptor.Type)));
        changes.Add(new MigrationChange(Line(typeNode), $"step '{id}': type '{alias.Name}' → '{descriptor.Type}'"));

        var parameters = step["parameters"] is { IsMapping: true } map ? map : null;
        if (parameters is null) return [];
        var renamed = new Dictionary<string, (YamlValueNode Key, YamlValueNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters.Entries)
        {
            var newName = alias.ParameterMap?.GetValueOrDefault(key.Text) ?? key.Text;
            if (newName != key.Text)
            {
                edits.Add(Replace(key, ScalarText.Name(key, newName)));
                changes.Add(new MigrationChange(Line(key), $"step '{id}': parameter '{key.Text}' → '{newName}'"));
            }
            renamed.TryAdd(newName, (key, value));
        }
        var written = renamed.ToDictionary(e => e.Key, e => YamlValueConverter.ToValue(e.Value.Value), StringComparer.Ordinal);
        foreach (var note in alias.Notes?.Invoke(written) ?? [])
            changes.Add(new MigrationChange(Line(renamed.TryGetValue(note.Parameter, out var at) ? at.Key : parameters),
                $"step '{id}': parameter '{note.Parameter}': {note.Message}"));
        return alias.Transform is null ? [] : ApplyTransform(alias, id, parameters, renamed, edits, changes);
    }

    private static List<string> ApplyTransform(StepTypeAlias alias, string id, YamlValueNode parameters,
        Dictionary<string, (YamlValueNode Key, YamlValueNode Value)> renamed, List<TextEdit> edits, List<MigrationChange> changes)
    {
        var reasons = new List<string>();
        var before = renamed.ToDictionary(e => e.Key, e => YamlValueConverter.ToValue(e.Value.Value), StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> after;
        try
        {
            after = alias.Transform!(before);
        }
        catch (Exception ex) // a plugin's conversion must not break migration
        {
            return [$"converting its parameters failed: {ex.Message}"];
        }
        foreach (var (name, value) in after)
        {
            if (!renamed.TryGetValue(name, out var written))
            {
                reasons.Add($"v3 adds parameter '{name}' = {Show(value)}");
                continue;
            }
            if (Equals(before[name], value)) continue;
            var text = written.Value.IsScalar && ScalarText.IsSimple(value) && !TemplateSyntax.ContainsTemplate(written.Value.Text)
                ? ScalarText.Value(written.Value, value) : null;
            if (text is null)
            {
                reasons.Add($"v3 reads parameter '{name}' as {Show(value)}");
                continue;
            }
            edits.Add(Replace(written.Value, text));
            changes.Add(new MigrationChange(Line(written.Value),
                $"step '{id}': parameter '{name}' {written.Value.Text} → {text} (converted for v3)"));
        }
        foreach (var removed in renamed.Keys.Where(k => !after.ContainsKey(k)))
            reasons.Add($"v3 no longer uses parameter '{removed}'");
        return reasons;
    }

    private static void NoteOldFields(YamlValueNode step, string id, List<MigrationChange> changes)
    {
        if (step.KeyNode("retry") is { } retry)
            changes.Add(new MigrationChange(Line(retry),
                $"step '{id}': review: 'retry:' is not a playbook field (it was ignored); use retry_count and retry_delay"));
    }

    /// <summary>v2 read step results as <c>{{ variable.&lt;step id&gt;.x }}</c>; v3 writes <c>{{ step.&lt;step id&gt;.x }}</c>.</summary>
    private static void RewriteStepVariables(string yaml, YamlValueNode step, string id, List<string> earlierIds,
        HashSet<string> variables, List<TextEdit> edits, List<MigrationChange> changes)
    {
        if (step["parameters"] is not { } parameters) return;
        foreach (var scalar in Scalars(parameters).Where(s => s.Text.Contains("{{", StringComparison.Ordinal)))
        {
            var (start, end) = ((int)scalar.Start.Index, (int)scalar.End.Index);
            var source = yaml[start..end];
            var rewritten = V2StepVariable().Replace(source, m =>
                earlierIds.Contains(m.Groups[2].Value) && !variables.Contains(m.Groups[2].Value)
                    ? $"{m.Groups[1].Value}step.{m.Groups[2].Value}." : m.Value);
            if (rewritten == source) continue;
            edits.Add(new TextEdit(start, end, rewritten));
            changes.Add(new MigrationChange(Line(scalar),
                $"step '{id}': step results read as {{{{ variable.<step id>... }}}} now use {{{{ step.<step id>... }}}}"));
        }
    }

    [GeneratedRegex(@"(\{\{\s*)variable\.([A-Za-z0-9_\-]+)\.")]
    private static partial Regex V2StepVariable();

    private static IEnumerable<YamlValueNode> Scalars(YamlValueNode node) => node.Kind switch
    {
        YamlNodeKind.Scalar => [node],
        YamlNodeKind.Sequence => node.Items.SelectMany(Scalars),
        _ => node.Entries.SelectMany(e => Scalars(e.Value)),
    };

    private static TextEdit Replace(YamlValueNode node, string text) => new((int)node.Start.Index, (int)node.End.Index, text);

    private static int Line(YamlValueNode node) => (int)node.Start.Line;

    private static string Show(object? value) => Loading.StepParameterChecker.Describe(value);
}
