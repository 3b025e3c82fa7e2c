using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Library;

/// <summary>Section <c>Toolkit:Library</c>: git sources and verification rules of the playbook library.</summary>
public sealed class LibraryOptions
{
    public const string Section = "Toolkit:Library";

    /// <summary>True: <c>playbook.run</c> of a child playbook that is not verified (for its current text) refuses the start, naming the child.</summary>
    public bool RequireVerifiedChildren { get; set; }

    /// <summary>How often (seconds) the API looks for git sources whose pull interval has passed.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Where git sources are checked out (default <c>&lt;data&gt;/library-sources</c>).</summary>
    public string? SourcesDirectory { get; set; }

    public static void Rules(LibraryOptions o, SettingRules rules) =>
        rules.Check(o.PollSeconds is >= 1 and <= 3600, "Toolkit:Library:PollSeconds", "must be between 1 and 3600 seconds");
}
