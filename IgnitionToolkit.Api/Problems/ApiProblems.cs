using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Problems;

/// <summary>RFC 7807 problem results used by every endpoint.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult BadRequest(string detail, string? field = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>400 listing every validation error (file, line, column, field, message).</summary>
    public static ProblemHttpResult Invalid(string detail, IReadOnlyList<DiagnosticDto> diagnostics) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Validation failed",
            extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics });

    /// <summary>422 listing every validation error of submitted playbook text (file, line, column, field, message).</summary>
    public static ProblemHttpResult Unprocessable(string detail, IReadOnlyList<DiagnosticDto> diagnostics) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Validation failed",
            extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics });

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
}
