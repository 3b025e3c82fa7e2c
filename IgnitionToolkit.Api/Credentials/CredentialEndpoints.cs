using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Credentials;

/// <summary><c>/api/v1/credentials</c>: list, get, create, update, delete. Responses never carry a secret value.</summary>
public static class CredentialEndpoints
{
    public static RouteGroupBuilder MapCredentialEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/credentials").WithTags("Credentials").RequireViewer(); // reads show no secret value
        group.MapGet("/", ListAsync).WithName("ListCredentials");
        group.MapGet("/{name}", GetAsync).WithName("GetCredential");
        group.MapCredentialFills();
        group.MapPost("/", CreateAsync).WithName("CreateCredential").RequireAdmin()
            .Audited<CredentialDto>("credential.created", "credential", c => c.Entry with { TargetId = c.Value.Name });
        group.MapPut("/{name}", UpdateAsync).WithName("UpdateCredential").RequireAdmin()
            .Audited("credential.changed", "credential", targetRouteValue: "name");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteCredential").RequireAdmin()
            .Audited("credential.deleted", "credential", targetRouteValue: "name");
        return api;
    }

    public static CredentialDto ToDto(CredentialRecord r, CredentialVault vault)
    {
        var plain = vault.PlainFields(r);
        return new(r.Id, r.Name, r.Kind, r.Description, r.FieldNames.Split(',', StringSplitOptions.RemoveEmptyEntries), r.CreatedAt, r.UpdatedAt,
            plain.GetValueOrDefault("gateway_url"), plain.GetValueOrDefault("username"));
    }

    /// <summary>500 problem for a vault whose key is unusable (the detail says which key and where it comes from).</summary>
    public static ProblemHttpResult VaultProblem(VaultKeyException ex) =>
        TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "Credential vault error");

    private static async Task<Ok<List<CredentialDto>>> ListAsync(CredentialVault vault, CancellationToken ct) =>
        TypedResults.Ok((await vault.ListAsync(ct)).Select(r => ToDto(r, vault)).ToList());

    private static async Task<Results<Ok<CredentialDto>, ProblemHttpResult>> GetAsync(string name, CredentialVault vault, CancellationToken ct) =>
        await vault.FindAsync(name, ct) is { } record ? TypedResults.Ok(ToDto(record, vault)) : NotFound(name);

    private static async Task<Results<Created<CredentialDto>, ProblemHttpResult>> CreateAsync(
        CredentialRequest request, CredentialVault vault, CancellationToken ct)
    {
        if (CheckName(request.Name) is { } nameProblem) return nameProblem;
        var kind = CredentialKinds.Find(request.Kind);
        if (kind is null) return ApiProblems.BadRequest($"kind must be one of: {CredentialKinds.Names}", "kind");
        var fields = (request.Fields ?? []).Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
        if (CheckFields(kind, fields) is { } fieldProblem) return fieldProblem;
        if (await vault.FindAsync(request.Name!, ct) is not null) return ApiProblems.Conflict($"a credential named '{request.Name}' already exists");
        try
        {
            var record = await vault.AddAsync(request.Name!, kind, request.Description, fields, ct);
            return TypedResults.Created($"/api/v1/credentials/{record.Name}", ToDto(record, vault));
        }
        catch (VaultKeyException ex)
        {
            return VaultProblem(ex);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"a credential named '{request.Name}' already exists");
        }
    }

    private static async Task<Results<Ok<CredentialDto>, ProblemHttpResult>> UpdateAsync(
        string name, CredentialRequest request, CredentialVault vault, CancellationToken ct)
    {
        var record = await vault.FindAsync(name, ct);
        if (record is null) return NotFound(name);
        if (request.Kind is not null && request.Kind != record.Kind)
            return ApiProblems.BadRequest($"the kind of a credential cannot change (it is {record.Kind}); delete it and create a new one", "kind");
        if (request.Name is not null && request.Name != record.Name)
        {
            if (CheckName(request.Name) is { } nameProblem) return nameProblem;
            if (await vault.FindAsync(request.Name, ct) is not null) return ApiProblems.Conflict($"a credential named '{request.Name}' already exists");
            record.Name = request.Name;
        }
        var kind = CredentialKinds.Find(record.Kind)!;
        try
        {
            var fields = new Dictionary<string, string>(vault.Open(record), StringComparer.Ordinal);
            foreach (var (field, value) in request.Fields ?? [])
            {
                if (string.IsNullOrEmpty(value)) fields.Remove(field);
                else fields[field] = value;
            }
            if (CheckFields(kind, fields) is { } fieldProblem) return fieldProblem;
            if (request.Description is not null) record.Description = request.Description.Length == 0 ? null : request.Description;
            await vault.UpdateAsync(record, fields, ct);
            return TypedResults.Ok(ToDto(record, vault));
        }
        catch (VaultKeyException ex)
        {
            return VaultProblem(ex);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, CredentialVault vault, CancellationToken ct)
    {
        var record = await vault.FindAsync(name, ct);
        if (record is null) return NotFound(name);
        await vault.DeleteAsync(record, ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string name) => ApiProblems.NotFound($"credential '{name}' does not exist");

    private static ProblemHttpResult? CheckName(string? name) =>
        name is not null && CredentialKinds.ValidName().IsMatch(name)
            ? null
            : ApiProblems.BadRequest("name is required: 1-128 letters, digits, '_' or '-', starting with a letter or digit", "name");

    private static ProblemHttpResult? CheckFields(CredentialKind kind, IReadOnlyDictionary<string, string> fields)
    {
        var problems = CredentialKinds.Check(kind, fields).ToList();
        if (problems.Count == 0) return null;
        return TypedResults.Problem(detail: string.Join("; ", problems.Select(p => p.Message)), statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request", extensions: new Dictionary<string, object?> { ["field"] = problems[0].Field });
    }
}
