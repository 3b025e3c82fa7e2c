using System.Text;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Ai.Authoring;

/// <summary>The step catalogue written for a prompt: one line per enabled step type with its parameters.</summary>
public static class StepCatalogPrompt
{
    public static string Describe(IStepCatalog catalog)
    {
        var text = new StringBuilder();
        foreach (var step in catalog.Descriptors.Where(d => d.DisabledReason is null).OrderBy(d => d.Type, StringComparer.Ordinal))
        {
            var parameters = string.Join(", ", step.Parameters.Select(p => $"{p.Name}{(p.Required ? "" : "?")}: {p.Type.ToString().ToLowerInvariant()}"));
            var outputs = step.OutputList.Count == 0 ? "" : $" → {string.Join(", ", step.OutputList.Select(o => o.Name))}";
            text.Append("- ").Append(step.Type).Append('(').Append(parameters).Append(')').Append(outputs).Append(": ")
                .AppendLine(FirstSentence(step.Description));
        }
        return text.ToString();
    }

    private static string FirstSentence(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? description[..(end + 1)] : description;
    }
}
