using IgnitionToolkit.Core.Playbooks.Yaml;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Reads one step's fields (id, name, type, parameters, on_failure, timeout, retries).</summary>
internal static class StepReader
{
    private static readonly string[] StepFields =
        ["id", "name", "type", "parameters", "on_failure", "timeout", "retry_count", "retry_delay"];

    public static StepDraft? Read(YamlValueNode node, int index, DiagnosticBag bag)
    {
        var step = new StepDraft { Index = index, Node = node };
        var field = step.Field;
        if (!node.IsMapping)
        {
            bag.Error(node, field, $"a step must be a map with id and type, not {node.KindName}");
            return null;
        }
        PlaybookStructureReader.WarnUnknownFields(node, StepFields, field + ".", bag);

        var idNode = node["id"];
        if (idNode is null) bag.Error(node, field + ".id", "step id is required");
        step.Id = FieldReaders.String(idNode, field + ".id", bag, required: true, "step id") ?? "";
        step.Name = FieldReaders.String(node["name"], field + ".name", bag, required: false, "step name");

        step.TypeNode = node["type"];
        if (step.TypeNode is null) bag.Error(node, field + ".type", $"step '{step.Id}' has no type");
        step.WrittenType = FieldReaders.String(step.TypeNode, field + ".type", bag, required: true, "step type") ?? "";

        ReadParameters(node["parameters"], step, bag);
        ReadOnFailure(node["on_failure"], step, bag);

        if (FieldReaders.Seconds(node["timeout"], field + ".timeout", bag, allowZero: false) is { } timeout)
            step.Timeout = TimeSpan.FromSeconds(timeout);
        if (FieldReaders.Count(node["retry_count"], field + ".retry_count", bag) is { } retries)
            step.RetryCount = retries;
        if (FieldReaders.Seconds(node["retry_delay"], field + ".retry_delay", bag, allowZero: true) is { } delay)
            step.RetryDelay = TimeSpan.FromSeconds(delay);
        return step;
    }

    private static void ReadParameters(YamlValueNode? node, StepDraft step, DiagnosticBag bag)
    {
        step.ParametersNode = node;
        if (node is null || (node.IsScalar && YamlValueConverter.ScalarValue(node) is null)) return;
        if (!node.IsMapping)
        {
            bag.Error(node, step.Field + ".parameters", $"step parameters must be a map of name: value, not {node.KindName}");
            return;
        }
        foreach (var (key, value) in node.Entries)
        {
            step.Parameters[key.Text] = YamlValueConverter.ToValue(value);
            step.ParameterNodes[key.Text] = value;
            step.ParameterKeyNodes[key.Text] = key;
        }
    }

    private static void ReadOnFailure(YamlValueNode? node, StepDraft step, DiagnosticBag bag)
    {
        if (node is null) return;
        var field = step.Field + ".on_failure";
        var text = node.IsScalar ? node.Text.Trim().ToLowerInvariant() : "";
        switch (text)
        {
            case "abort": step.OnFailure = FailureAction.Abort; break;
            case "continue": step.OnFailure = FailureAction.Continue; break;
            case "rollback":
                step.OnFailure = FailureAction.Rollback;
                bag.Error(node, field, "on_failure: rollback is not supported yet; use abort or continue");
                break;
            default:
                bag.Error(node, field, $"on_failure must be abort or continue, got '{FieldReaders.Describe(node)}'");
                break;
        }
    }
}
