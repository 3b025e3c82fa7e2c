using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>A parameter a credential would fill when a run of the playbook names it (<c>credential_name</c>); never a value.</summary>
public sealed record CredentialFillDto(string Name, bool Secret);

public sealed record CredentialFillsDto(string Credential, string Playbook, IReadOnlyList<CredentialFillDto> Parameters);

/// <summary><c>GET /api/v1/credentials/{name}/fills?playbook=…</c>: which parameters of a playbook a start with
/// <c>credential_name</c> would fill (the Web's run dialog shows them for the global credential). The same rules as a
/// start: the credential kind's <see cref="ICredentialBinder"/> and the <c>credential</c> parameters left without a value.</summary>
public static class CredentialFills
{
    public static RouteGroupBuilder MapCredentialFills(this RouteGroupBuilder group)
    {
        group.MapGet("/{name}/fills", GetAsync).WithName("GetCredentialFills");
        return group;
    }

    private static async Task<Results<Ok<CredentialFillsDto>, ProblemHttpResult>> GetAsync(
        string name, string? playbook, CredentialVault vault, CredentialBinders binders, PlaybookLibrary library, PlaybookValidator validator,
        CancellationToken ct)
    {
        if (await vault.FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"credential '{name}' does not exist");
        if (library.TryNormalize(playbook ?? "", out var path) is { } pathError) return ApiProblems.BadRequest(pathError, "playbook");
        if (await validator.LoadFileAsync(path, ct) is not { Result.Playbook: { } loaded }) return ApiProblems.NotFound($"playbook '{path}' does not exist in the library or is invalid");
        var fields = record.FieldNames.Split(',', StringSplitOptions.RemoveEmptyEntries).ToDictionary(f => f, _ => "", StringComparer.Ordinal);
        var fills = (binders.Find(record.Kind)?.Fill(loaded, fields, _ => false) ?? [])
            .Select(f => new CredentialFillDto(f.Parameter, f.Secret))
            .Concat(loaded.Parameters.Where(p => p.Type == ParameterType.Credential && string.IsNullOrEmpty(p.Default as string))
                .Select(p => new CredentialFillDto(p.Name, false)))
            .ToList();
        return TypedResults.Ok(new CredentialFillsDto(record.Name, path, fills));
    }
}
