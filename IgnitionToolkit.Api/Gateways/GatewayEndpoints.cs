using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Gateways;

/// <summary><c>/api/v1/gateways</c>: the inventory (list, get, create, replace, delete) and its import from a CSV or YAML
/// file (preview, then apply). Viewers read; operators and admins write (<see cref="Auth.AccessRules"/>).</summary>
public static class GatewayEndpoints
{
    public const int MaxImportCharacters = 1_000_000;

    public static RouteGroupBuilder MapGatewayEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/gateways").WithTags("Gateways").RequireViewer(); // no secret: credentials by name only
        group.MapGet("/", ListAsync).WithName("ListGateways");
        group.MapGet("/{name}", GetAsync).WithName("GetGateway");
        group.MapPost("/", CreateAsync).WithName("CreateGateway").RequireOperator()
            .Audited<GatewayDto>("gateway.created", "gateway", c => c.Entry with { TargetId = c.Value.Name });
        group.MapPut("/{name}", UpdateAsync).WithName("UpdateGateway").RequireOperator()
            .Audited("gateway.changed", "gateway", targetRouteValue: "name");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteGateway").RequireOperator()
            .Audited("gateway.deleted", "gateway", targetRouteValue: "name");
        group.MapPost("/import/preview", (GatewayImportRequest request, GatewayInventory inventory, CancellationToken ct) =>
            ImportAsync(request, inventory, apply: false, ct)).WithName("PreviewGatewayImport").RequireOperator()
            .NotAudited("a preview only reads the file and the inventory; it writes nothing");
        group.MapPost("/import", (GatewayImportRequest request, GatewayInventory inventory, CancellationToken ct) =>
            ImportAsync(request, inventory, apply: true, ct)).WithName("ImportGateways").RequireOperator()
            .Audited<GatewayImportResult>("gateway.imported", "gateway",
                c => c.Entry with { TargetId = c.Value.FileName, Detail = $"{c.Value.New} new, {c.Value.Changed} changed" });
        return api;
    }

    private static async Task<Ok<List<GatewayDto>>> ListAsync(GatewayInventory inventory, CancellationToken ct) =>
        TypedResults.Ok((await inventory.ListAsync(ct)).Select(GatewayRules.ToDto).ToList());

    private static async Task<Results<Ok<GatewayDto>, ProblemHttpResult>> GetAsync(string name, GatewayInventory inventory, CancellationToken ct) =>
        await inventory.FindAsync(name, ct) is { } record ? TypedResults.Ok(GatewayRules.ToDto(record)) : NotFound(name);

    private static async Task<Results<Created<GatewayDto>, ProblemHttpResult>> CreateAsync(GatewayRequest request, GatewayInventory inventory, CancellationToken ct)
    {
        if (await InvalidAsync(request, inventory, ct) is { } invalid) return invalid;
        if (await inventory.FindAsync(request.Name!, ct) is not null) return Exists(request.Name!);
        try
        {
            var record = await inventory.AddAsync(request, ct);
            return TypedResults.Created($"/api/v1/gateways/{Uri.EscapeDataString(record.Name)}", GatewayRules.ToDto(record));
        }
        catch (DbUpdateException)
        {
            return Exists(request.Name!); // created by another request meanwhile
        }
    }

    private static async Task<Results<Ok<GatewayDto>, ProblemHttpResult>> UpdateAsync(
        string name, GatewayRequest request, GatewayInventory inventory, CancellationToken ct)
    {
        var record = await inventory.FindAsync(name, ct);
        if (record is null) return NotFound(name);
        request = request with { Name = request.Name ?? name };
        if (await InvalidAsync(request, inventory, ct) is { } invalid) return invalid;
        if (request.Name != name && await inventory.FindAsync(request.Name!, ct) is not null) return Exists(request.Name!);
        try
        {
            await inventory.UpdateAsync(record, request, ct);
        }
        catch (DbUpdateException)
        {
            return Exists(request.Name!);
        }
        return TypedResults.Ok(GatewayRules.ToDto(record));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, GatewayInventory inventory, CancellationToken ct)
    {
        var record = await inventory.FindAsync(name, ct);
        if (record is null) return NotFound(name);
        await inventory.DeleteAsync(record, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<GatewayImportResult>, ProblemHttpResult>> ImportAsync(
        GatewayImportRequest request, GatewayInventory inventory, bool apply, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Content)) return ApiProblems.BadRequest("content is required: the text of a CSV or YAML file", "content");
        if (request.Content.Length > MaxImportCharacters) return ApiProblems.BadRequest($"the file is larger than {MaxImportCharacters} characters", "content");
        var format = (request.Format ?? Path.GetExtension(request.FileName ?? "").TrimStart('.')).Trim().ToLowerInvariant();
        format = format is "yml" ? "yaml" : format;
        if (format is not ("csv" or "yaml"))
            return ApiProblems.BadRequest("format must be 'csv' or 'yaml' (or give a file_name ending in .csv, .yaml or .yml)", "format");
        var fileName = string.IsNullOrWhiteSpace(request.FileName) ? $"import.{format}" : Path.GetFileName(request.FileName);
        var result = await inventory.ImportAsync(request.Content, format, fileName, apply, ct);
        if (!apply || result.Errors.Count == 0) return TypedResults.Ok(result);
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Import refused",
            detail: $"{fileName}: {result.Errors.Count} error(s), nothing was imported; first: line {result.Errors[0].Line}, {result.Errors[0].Field}: {result.Errors[0].Message}",
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["lines"] = result.Lines });
    }

    private static async Task<ProblemHttpResult?> InvalidAsync(GatewayRequest request, GatewayInventory inventory, CancellationToken ct)
    {
        var problems = await inventory.CheckAsync(request, ct);
        if (problems.Count == 0) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            detail: string.Join("; ", problems.Select(p => p.Message)),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = problems[0].Field,
                ["errors"] = problems.Select(p => new { field = p.Field, message = p.Message }).ToList(),
            });
    }

    private static ProblemHttpResult NotFound(string name) => ApiProblems.NotFound($"gateway '{name}' does not exist");

    private static ProblemHttpResult Exists(string name) => ApiProblems.Conflict($"a gateway named '{name}' already exists");
}
