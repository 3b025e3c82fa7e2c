using IgnitionToolkit.Core.Playbooks.Yaml;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Reads the top level of a playbook and its parameter declarations.</summary>
internal static class PlaybookStructureReader
{
    /// <summary>v4/v5 top-level fields kept in <see cref="Playbook.Metadata"/>, as the original toolkit did: <c>domain</c>
    /// and <c>group</c> group playbooks in the API and the UI, <c>verified</c> is kept.</summary>
    public static readonly string[] GroupingFields = ["domain", "group", "verified"];

    private static readonly string[] TopFields = ["name", "version", "description", "parameters", "metadata", "resume", "steps", .. GroupingFields];
    private static readonly string[] ParameterFields = ["name", "type", "required", "default", "description"];

    public static PlaybookDraft Read(YamlValueNode root, DiagnosticBag bag)
    {
        var draft = new PlaybookDraft();
        if (!root.IsMapping)
        {
            bag.Error(root, "playbook", $"a playbook must be a YAML map with name, version and steps, not {root.KindName}");
            return draft;
        }
        WarnUnknownFields(root, TopFields, "", bag);

        var nameNode = root["name"];
        if (nameNode is null) bag.Error(root, "name", "name is required");
        draft.Name = FieldReaders.String(nameNode, "name", bag, required: true, "name") ?? "";

        var versionNode = root["version"];
        if (versionNode is null) bag.Error(root, "version", "version is required (e.g. version: \"1.0\")");
        draft.Version = FieldReaders.String(versionNode, "version", bag, required: true, "version") ?? "";

        draft.Description = FieldReaders.String(root["description"], "description", bag, required: false, "description");
        ReadParameters(root["parameters"], draft, bag);
        ReadMetadata(root["metadata"], draft, bag);
        ReadGrouping(root, draft, bag);
        ReadResume(root["resume"], draft, bag);

        var steps = root["steps"];
        if (steps is null)
            bag.Error(root, "steps", "steps is required: a list of at least one step");
        else if (!steps.IsSequence)
            bag.Error(steps, "steps", $"steps must be a list of steps, not {steps.KindName}");
        else if (steps.Items.Count == 0)
            bag.Error(steps, "steps", "steps must contain at least one step");
        else
            for (var i = 0; i < steps.Items.Count; i++)
                if (StepReader.Read(steps.Items[i], i, bag) is { } step) draft.Steps.Add(step);
        return draft;
    }

    public static void WarnUnknownFields(YamlValueNode map, IReadOnlyList<string> known, string prefix, DiagnosticBag bag)
    {
        foreach (var key in map.Entries.Select(e => e.Key).Where(k => !known.Contains(k.Text)))
        {
            var closest = Suggestions.Closest(key.Text, known);
            bag.Warning(key, prefix + key.Text,
                $"unknown field '{key.Text}' is ignored{(closest is null ? "" : $" (did you mean '{closest}'?)")}");
        }
    }

    private static void ReadMetadata(YamlValueNode? node, PlaybookDraft draft, DiagnosticBag bag)
    {
        if (node is null) return;
        if (node.IsMapping) draft.Metadata = YamlValueConverter.ToMap(node);
        else if (!(node.IsScalar && YamlValueConverter.ScalarValue(node) is null))
            bag.Error(node, "metadata", $"metadata must be a map (author, category, tags...), not {node.KindName}");
    }

    private static void ReadResume(YamlValueNode? node, PlaybookDraft draft, DiagnosticBag bag)
    {
        if (node is null) return;
        var text = node.IsScalar ? YamlValueConverter.ScalarValue(node) as string : null;
        if (text == "auto") draft.Resume = ResumePolicy.Auto;
        else if (text != "manual")
            bag.Error(node, "resume", $"resume must be 'auto' (resumed from the last completed step when its Runner dies) or 'manual', got '{(node.IsScalar ? node.Text : node.KindName)}'");
    }

    private static void ReadGrouping(YamlValueNode root, PlaybookDraft draft, DiagnosticBag bag)
    {
        foreach (var field in GroupingFields)
        {
            if (root[field] is not { } node) continue;
            object? value = field == "verified"
                ? FieldReaders.Boolean(node, field, bag)
                : FieldReaders.String(node, field, bag, required: false, field);
            if (value is not null) draft.Metadata[field] = value; // the top-level field wins over metadata.<field>
        }
    }

    private static void ReadParameters(YamlValueNode? node, PlaybookDraft draft, DiagnosticBag bag)
    {
        if (node is null || (node.IsScalar && YamlValueConverter.ScalarValue(node) is null)) return;
        if (!node.IsSequence)
        {
            bag.Error(node, "parameters", $"parameters must be a list of parameter declarations, not {node.KindName}");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < node.Items.Count; i++)
        {
            if (ReadParameter(node.Items[i], $"parameters[{i}]", bag) is not { } parameter) continue;
            if (!names.Add(parameter.Name))
                bag.Error(node.Items[i]["name"], $"parameters[{i}].name", $"parameter '{parameter.Name}' is declared twice");
            else
                draft.Parameters.Add(parameter);
        }
    }

    private static PlaybookParameter? ReadParameter(YamlValueNode node, string field, DiagnosticBag bag)
    {
        if (!node.IsMapping)
        {
            bag.Error(node, field, $"a parameter must be a map with name and type, not {node.KindName}");
            return null;
        }
        WarnUnknownFields(node, ParameterFields, field + ".", bag);
        var nameNode = node["name"];
        if (nameNode is null) bag.Error(node, field + ".name", "parameter name is required");
        var name = FieldReaders.String(nameNode, field + ".name", bag, required: true, "parameter name");

        var type = ParameterType.String;
        var typeNode = node["type"];
        if (typeNode is not null)
        {
            var typeText = FieldReaders.String(typeNode, field + ".type", bag, required: true, "parameter type");
            if (typeText is not null && !ParameterTypes.TryParse(typeText, out type))
                bag.Error(typeNode, field + ".type",
                    $"unknown parameter type '{typeText}'; use one of {string.Join(", ", ParameterTypes.Names)}");
        }

        var required = FieldReaders.Boolean(node["required"], field + ".required", bag) ?? true;
        var description = FieldReaders.String(node["description"], field + ".description", bag, required: false, "description");
        object? defaultValue = null;
        if (node["default"] is { } defaultNode)
        {
            defaultValue = YamlValueConverter.ToValue(defaultNode);
            if (defaultValue is not null && !ParameterTypes.Matches(type, defaultValue))
                bag.Error(defaultNode, field + ".default",
                    $"default '{FieldReaders.Describe(defaultNode)}' is not a valid {ParameterTypes.Name(type)}");
        }
        return string.IsNullOrWhiteSpace(name) ? null
            : new PlaybookParameter(name, type, required, defaultValue, description, node.Location(bag.File));
    }
}
