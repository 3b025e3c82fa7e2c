using System.Text.Json.Serialization;

namespace IgnitionToolkit.Contracts;

/// <summary>What a user can do to a running execution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionCommand>))]
public enum ExecutionCommand
{
    [JsonStringEnumMemberName("pause")] Pause,
    [JsonStringEnumMemberName("resume")] Resume,
    [JsonStringEnumMemberName("skip")] Skip,
    [JsonStringEnumMemberName("skip_back")] SkipBack,
    [JsonStringEnumMemberName("cancel")] Cancel,
}

/// <summary>Command names of <c>Bus.ControlExecution.Command</c>: the wire names of <see cref="ExecutionCommand"/>
/// (pause | resume | skip | skip_back | cancel) <see cref="Rerun"/>, <see cref="EditSteps"/> and <see cref="BrowserInput"/>. Read case-insensitively, <c>skip-back</c> too
/// (the REST route's spelling).</summary>
public static class ControlCommands
{
    /// <summary>Re-run of a paused step (<c>StepPath</c> and <c>ParametersJson</c> say what to re-run).</summary>
    public const string Rerun = "rerun";

    /// <summary>Replace the steps not yet run of a paused execution (<c>PlaybookYaml</c>, <c>FromIndex</c>, <c>EditedBy</c> say how).</summary>
    public const string EditSteps = "edit_steps";

    private static readonly Dictionary<string, ExecutionCommand> ByWire =
        Enum.GetValues<ExecutionCommand>().ToDictionary(c => c.ToWire(), StringComparer.Ordinal);

    /// <summary>Every command name, <see cref="Rerun"/> included.</summary>
    /// <summary>Click through the live view: a click or keys on the execution's browser page (<c>Input</c> says which).</summary>
    public const string BrowserInput = "browser_input";

    public static IReadOnlyList<string> All { get; } = [.. ByWire.Keys, Rerun, EditSteps, BrowserInput];

    public static bool IsRerun(string? command) => string.Equals((command ?? "").Trim(), Rerun, StringComparison.OrdinalIgnoreCase);

    public static bool IsBrowserInput(string? command) => string.Equals((command ?? "").Trim(), BrowserInput, StringComparison.OrdinalIgnoreCase);

    public static bool IsEditSteps(string? command) => string.Equals((command ?? "").Trim(), EditSteps, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? command, out ExecutionCommand result) =>
        ByWire.TryGetValue((command ?? "").Trim().ToLowerInvariant().Replace('-', '_'), out result);
}
