using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;

namespace IgnitionToolkit.Api.Runners;

/// <summary>One Runner as <c>GET /api/v1/runners</c> lists it.</summary>
public sealed record RunnerDto(string Id, bool Live, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Running, int Capacity, IReadOnlyList<Guid> ExecutionIds);

/// <summary><c>GET /api/v1/runners</c>: the Runners heard from (presence and execution heartbeats), most recent first.</summary>
public static class RunnerEndpoints
{
    public static RouteGroupBuilder MapRunnerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runners").WithTags("Runners").RequireViewer();
        group.MapGet("/", async (RunnerPresence presence, ToolkitDbContext db, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<RunnerDto>>((await presence.AllAsync(db, ct))
                .Select(r => new RunnerDto(r.Id, presence.IsLive(r), r.FirstSeenAt, r.LastSeenAt, r.Running, r.Capacity, r.ExecutionIds))
                .ToList())).WithName("ListRunners");
        return api;
    }
}
