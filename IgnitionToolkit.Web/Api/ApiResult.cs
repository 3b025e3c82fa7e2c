using System.Net;
using System.Text.Json;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>An RFC 7807 problem from the API, or a transport failure (status 0).</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsNotFound => Status == (int)HttpStatusCode.NotFound;

    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : $"{Title}: {Detail}";

    public static ApiProblem Unreachable(string reason) => new(0, "The API could not be reached", reason, []);
}

/// <summary>The value of a successful call, or the problem.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}

public static class ApiJson
{
    /// <summary>The API's wire format: snake_case properties, dictionary keys kept as given.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
