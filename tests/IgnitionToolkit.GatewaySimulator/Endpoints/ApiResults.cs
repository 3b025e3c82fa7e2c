using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Shared response shapes of the 8.3 REST API.</summary>
internal static class ApiResults
{
    /// <summary>The <c>{items, metadata:{total, matching, limit, offset}}</c> list shape, with whitespace-separated search terms.</summary>
    public static IResult Page<T>(IReadOnlyList<T> all, Func<T, string> searchText, string? search, int? limit, int? offset,
        Func<T, object> project)
    {
        var terms = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var matching = all.Where(item => terms.All(t => searchText(item).Contains(t, StringComparison.OrdinalIgnoreCase))).ToList();
        var skip = Math.Max(0, offset ?? 0);
        var take = limit is > 0 ? limit.Value : int.MaxValue;
        var items = matching.Skip(skip).Take(take).Select(project).ToList();
        return TypedResults.Ok(new
        {
            items,
            metadata = new { total = all.Count, matching = matching.Count, limit = limit ?? matching.Count, offset = skip },
        });
    }

    public static IResult Problem(OperationResult result, string title) =>
        TypedResults.Problem(detail: result.Error, statusCode: result.StatusCode, title: title);

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
