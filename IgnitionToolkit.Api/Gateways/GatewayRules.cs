using System.Text.Json;
using System.Text.RegularExpressions;

namespace IgnitionToolkit.Api.Gateways;

/// <summary>What makes a gateway valid (one place for the API and the import): name, URL, tags, limit.</summary>
public static partial class GatewayRules
{
    public const int MaxName = 128;
    public const int MaxUrl = 2048;
    public const int MaxTags = 32;
    public const int MaxTagValue = 256;
    public const int MaxConcurrencyLimit = 1000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    public static partial Regex ValidName();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex ValidTagKey();

    /// <summary>The problems of <paramref name="request"/>, each with the field it concerns (empty: valid).</summary>
    public static List<(string Field, string Message)> Check(GatewayRequest request)
    {
        var problems = new List<(string, string)>();
        if (request.Name is null || !ValidName().IsMatch(request.Name))
            problems.Add(("name", "name is required: 1-128 letters, digits, '_', '-' or '.', starting with a letter or digit"));
        if (string.IsNullOrWhiteSpace(request.Url))
            problems.Add(("url", "url is required: the gateway's address, e.g. http://gw1:8088"));
        else if (request.Url.Length > MaxUrl || !Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problems.Add(("url", $"url must be an absolute http:// or https:// URL, not '{Cut(request.Url)}'"));
        if (request.ConcurrencyLimit is { } limit && (limit < 1 || limit > MaxConcurrencyLimit))
            problems.Add(("concurrency_limit", $"concurrency_limit must be between 1 and {MaxConcurrencyLimit}, or empty for no limit"));
        if (request.Description is { Length: > 1024 }) problems.Add(("description", "description is longer than 1024 characters"));
        var tags = request.Tags ?? [];
        if (tags.Count > MaxTags) problems.Add(("tags", $"at most {MaxTags} tags"));
        foreach (var (key, value) in tags)
        {
            if (!ValidTagKey().IsMatch(key.ToLowerInvariant()))
                problems.Add(($"tags.{key}", $"tag '{Cut(key)}': a key is 1-64 letters, digits, '_' or '-', starting with a letter"));
            else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTagValue || value.Any(char.IsControl))
                problems.Add(($"tags.{key}", $"tag '{key}' needs a value of 1-{MaxTagValue} characters (no control characters)"));
        }
        return problems;
    }

    /// <summary>The tags as stored: lower-case keys, trimmed values, sorted by key.</summary>
    public static SortedDictionary<string, string> Normalize(IReadOnlyDictionary<string, string?>? tags)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags ?? new Dictionary<string, string?>())
            if (!string.IsNullOrWhiteSpace(value)) result[key.Trim().ToLowerInvariant()] = value.Trim();
        return result;
    }

    public static string TagsToJson(IReadOnlyDictionary<string, string?>? tags) => JsonSerializer.Serialize(Normalize(tags));

    public static IReadOnlyDictionary<string, string> TagsOf(GatewayRecord record) =>
        JsonSerializer.Deserialize<SortedDictionary<string, string>>(record.TagsJson) ?? new SortedDictionary<string, string>();

    public static GatewayDto ToDto(GatewayRecord r) =>
        new(r.Id, r.Name, r.Url, r.Description, TagsOf(r), r.CredentialName, r.ConcurrencyLimit, r.CreatedAt, r.UpdatedAt);

    /// <summary>Copies a valid request onto a record (new or existing).</summary>
    public static void Apply(GatewayRecord record, GatewayRequest request, DateTimeOffset now)
    {
        record.Name = request.Name!;
        record.Url = request.Url!.Trim();
        record.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        record.TagsJson = TagsToJson(request.Tags);
        record.CredentialName = string.IsNullOrWhiteSpace(request.CredentialName) ? null : request.CredentialName.Trim();
        record.ConcurrencyLimit = request.ConcurrencyLimit;
        record.UpdatedAt = now;
    }

    /// <summary>The fields in which <paramref name="request"/> differs from <paramref name="record"/> (empty: unchanged).</summary>
    public static List<string> Differences(GatewayRecord record, GatewayRequest request)
    {
        var changes = new List<string>();
        if (record.Url != request.Url?.Trim()) changes.Add("url");
        if (record.Description != (string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim())) changes.Add("description");
        if (record.TagsJson != TagsToJson(request.Tags)) changes.Add("tags");
        if (record.CredentialName != (string.IsNullOrWhiteSpace(request.CredentialName) ? null : request.CredentialName.Trim())) changes.Add("credential_name");
        if (record.ConcurrencyLimit != request.ConcurrencyLimit) changes.Add("concurrency_limit");
        return changes;
    }

    private static string Cut(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
