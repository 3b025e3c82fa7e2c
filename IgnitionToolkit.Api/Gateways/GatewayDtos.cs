namespace IgnitionToolkit.Api.Gateways;

/// <summary>Body of <c>POST /gateways</c> and <c>PUT /gateways/{name}</c> (a PUT replaces every field).</summary>
/// <param name="Tags">Labels such as <c>site</c>, <c>line</c>, <c>environment</c>: lower-case keys, text values.</param>
/// <param name="CredentialName">A <c>gateway_login</c> credential of the vault (by name).</param>
/// <param name="ConcurrencyLimit">At most this many fleet executions on the gateway at once (null: no own limit).</param>
public sealed record GatewayRequest(
    string? Name, string? Url, string? Description = null, Dictionary<string, string?>? Tags = null,
    string? CredentialName = null, int? ConcurrencyLimit = null);

public sealed record GatewayDto(
    Guid Id, string Name, string Url, string? Description, IReadOnlyDictionary<string, string> Tags,
    string? CredentialName, int? ConcurrencyLimit, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Body of <c>POST /gateways/import/preview</c> and <c>POST /gateways/import</c>.</summary>
/// <param name="Content">The file's text.</param>
/// <param name="Format"><c>csv</c> or <c>yaml</c>; when empty, taken from <paramref name="FileName"/>'s extension.</param>
public sealed record GatewayImportRequest(string? Content, string? Format = null, string? FileName = null);

/// <summary>What one line of an import does: <c>new</c>, <c>changed</c> (with the fields that change) or <c>unchanged</c>.</summary>
public sealed record GatewayImportLine(int Line, string Name, string Action, IReadOnlyList<string> Changes);

/// <summary>One error of an import file: its line, the field, and what is wrong.</summary>
public sealed record GatewayImportError(int Line, string Field, string Message);

public sealed record GatewayImportResult(
    string FileName, string Format, bool Applied, int New, int Changed, int Unchanged,
    IReadOnlyList<GatewayImportLine> Lines, IReadOnlyList<GatewayImportError> Errors);
