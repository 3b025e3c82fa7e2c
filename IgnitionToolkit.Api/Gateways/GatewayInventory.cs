using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Gateways;

/// <summary>The gateway inventory in the database: reads, the checks every write makes (rules and the named vault
/// credential), and the import (preview, then all or nothing).</summary>
public sealed class GatewayInventory(ToolkitDbContext db, CredentialVault vault, TimeProvider clock)
{
    public DbSet<GatewayRecord> Gateways => db.Set<GatewayRecord>();

    public Task<List<GatewayRecord>> ListAsync(CancellationToken ct) => Gateways.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);

    public Task<GatewayRecord?> FindAsync(string name, CancellationToken ct) => Gateways.FirstOrDefaultAsync(g => g.Name == name, ct);

    /// <summary>Rule problems plus an unknown credential or one of another kind than <c>gateway_login</c>.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(GatewayRequest request, CancellationToken ct)
    {
        var problems = GatewayRules.Check(request);
        if (!string.IsNullOrWhiteSpace(request.CredentialName))
        {
            var credential = await vault.FindAsync(request.CredentialName.Trim(), ct);
            if (credential is null)
                problems.Add(("credential_name", $"the credential '{request.CredentialName}' does not exist in the vault"));
            else if (credential.Kind != CredentialKinds.GatewayLogin)
                problems.Add(("credential_name", $"credential '{request.CredentialName}' is a {credential.Kind}; a gateway needs a {CredentialKinds.GatewayLogin}"));
        }
        return problems;
    }

    public async Task<GatewayRecord> AddAsync(GatewayRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = new GatewayRecord { Id = Guid.NewGuid(), Name = "", Url = "", TagsJson = "{}", CreatedAt = now };
        GatewayRules.Apply(record, request, now);
        Gateways.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public async Task UpdateAsync(GatewayRecord record, GatewayRequest request, CancellationToken ct)
    {
        GatewayRules.Apply(record, request, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(GatewayRecord record, CancellationToken ct)
    {
        Gateways.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reads the file, checks every gateway, compares with the inventory, and (when asked and error-free) applies
    /// every new and changed gateway in one save.</summary>
    public async Task<GatewayImportResult> ImportAsync(string content, string format, string fileName, bool apply, CancellationToken ct)
    {
        var parsed = GatewayFileParser.Parse(content, format);
        var errors = parsed.Errors.ToList();
        var existing = await Gateways.ToDictionaryAsync(g => g.Name, StringComparer.Ordinal, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<GatewayImportLine>();
        var credentials = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (line, request) in parsed.Gateways)
        {
            var problems = GatewayRules.Check(request);
            if (request.CredentialName is { } credential && problems.Count == 0)
            {
                if (!credentials.TryGetValue(credential, out var known))
                    credentials[credential] = known = (await CheckAsync(new GatewayRequest("x", "http://x", CredentialName: credential), ct)).ToList();
                problems.AddRange(known);
            }
            if (request.Name is { } name && seen.TryGetValue(name, out var first))
                problems.Add(("name", $"the gateway '{name}' is already named on line {first}"));
            errors.AddRange(problems.Select(p => new GatewayImportError(line, p.Field, p.Message)));
            if (problems.Count > 0 || request.Name is null) continue;
            seen[request.Name] = line;
            if (!existing.TryGetValue(request.Name, out var record))
                lines.Add(new GatewayImportLine(line, request.Name, "new", []));
            else
            {
                var changes = GatewayRules.Differences(record, request);
                lines.Add(new GatewayImportLine(line, request.Name, changes.Count == 0 ? "unchanged" : "changed", changes));
            }
        }
        if (parsed.Gateways.Count == 0 && errors.Count == 0) errors.Add(new GatewayImportError(1, "file", "the file names no gateway"));

        var applied = false;
        if (apply && errors.Count == 0)
        {
            var now = clock.GetUtcNow();
            foreach (var (line, request) in parsed.Gateways)
            {
                if (!existing.TryGetValue(request.Name!, out var record))
                {
                    record = new GatewayRecord { Id = Guid.NewGuid(), Name = "", Url = "", TagsJson = "{}", CreatedAt = now };
                    Gateways.Add(record);
                }
                else if (GatewayRules.Differences(record, request).Count == 0) continue;
                GatewayRules.Apply(record, request, now);
            }
            await db.SaveChangesAsync(ct);
            applied = true;
        }
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new GatewayImportResult(fileName, format, applied, lines.Count(l => l.Action == "new"), lines.Count(l => l.Action == "changed"),
            lines.Count(l => l.Action == "unchanged"), lines, errors);
    }
}
