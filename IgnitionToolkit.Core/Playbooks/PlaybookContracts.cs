namespace IgnitionToolkit.Core.Playbooks;

/// <summary>A playbook file's canonical path and text.</summary>
public sealed record PlaybookSourceFile(string Path, string Text);

/// <summary>Where nested playbooks (<c>playbook.run</c>) are looked up: the library folder, or a bundle sent over the bus.</summary>
public interface IPlaybookSource
{
    /// <summary>Resolves <paramref name="reference"/> as written in the playbook at <paramref name="fromPath"/>
    /// (relative to that file's folder first, then to the library root). Null when not found.</summary>
    PlaybookSourceFile? Find(string reference, string fromPath);
}

/// <summary>Parses and validates playbooks, reporting every problem with file, line, column and field.</summary>
public interface IPlaybookLoader
{
    /// <summary>Parses <paramref name="yaml"/> (named <paramref name="sourcePath"/> in messages) and validates it,
    /// including nested playbooks found through <paramref name="source"/> when given.</summary>
    PlaybookLoadResult Load(string yaml, string sourcePath, IPlaybookSource? source = null);
}

/// <summary>What templates can refer to while a step's parameters are resolved.</summary>
public sealed class TemplateScope
{
    public required IReadOnlyDictionary<string, object?> Parameters { get; init; }
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }
    /// <summary>Credential name → field → value.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Credentials { get; init; }
    /// <summary>Step id → output name → value, for steps that already ran.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> StepOutputs { get; init; }
    /// <summary>How values pasted into a longer string are written (the parameter's <see cref="Plugins.StepParameterSchema.TemplateStyle"/>).</summary>
    public Plugins.TemplateStyle Style { get; init; }

    /// <summary>The same scope with another <see cref="Style"/>.</summary>
    public TemplateScope WithStyle(Plugins.TemplateStyle style) => style == Style ? this : new()
    {
        Parameters = Parameters,
        Variables = Variables,
        Credentials = Credentials,
        StepOutputs = StepOutputs,
        Style = style,
    };
}

/// <summary>Resolves <c>{{ ... }}</c> templates in parameter values.</summary>
public interface ITemplateResolver
{
    /// <summary>Resolves templates inside <paramref name="value"/> (strings, lists and maps, recursively).
    /// A string that is exactly one template keeps the referenced value's type (an integer stays an integer).
    /// Throws <see cref="TemplateException"/> naming the reference when it cannot be resolved.</summary>
    object? Resolve(object? value, TemplateScope scope);
}

public sealed class TemplateException(string reference, string message) : Exception(message)
{
    public string Reference { get; } = reference;
}
