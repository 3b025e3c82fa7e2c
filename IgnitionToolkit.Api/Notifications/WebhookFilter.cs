using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>Whether a webhook wants a notification: its kinds (none: every kind), a glob on the playbook path
/// (comma-separated; <c>gateway/**</c>, <c>**/backup_*.yaml</c>), and the playbook's <c>domain</c>, <c>group</c> and a tag.
/// A filter on the playbook never matches a notification about no playbook.</summary>
public static class WebhookFilter
{
    public static IReadOnlyList<string> Kinds(WebhookRecord webhook) =>
        webhook.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool Matches(WebhookRecord webhook, NotificationEvent n)
    {
        if (!webhook.Enabled) return false;
        var kinds = Kinds(webhook);
        if (kinds.Count > 0 ? !kinds.Contains(n.Kind, StringComparer.Ordinal) : n.Kind == NotificationKinds.Test) return false;
        var scope = n.Scope;
        if (!string.IsNullOrWhiteSpace(webhook.PlaybookPattern) && (scope.PlaybookPath is null || !GlobMatches(webhook.PlaybookPattern, scope.PlaybookPath)))
            return false;
        if (!Same(webhook.Domain, scope.Domain) || !Same(webhook.Group, scope.Group)) return false;
        return string.IsNullOrWhiteSpace(webhook.Tag) || scope.Tags.Contains(webhook.Tag.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    public static bool GlobMatches(string patterns, string path)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            matcher.AddInclude(pattern);
        return matcher.Match(path.Replace('\\', '/')).HasMatches;
    }

    private static bool Same(string? wanted, string? actual) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), actual, StringComparison.OrdinalIgnoreCase);
}
