using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Auth;

/// <summary>What a token must still match: the user's current security stamp and role.</summary>
public sealed record UserSession(string Stamp, string Role);

/// <summary>
/// The current security stamp and role of each user, read from the database and kept in memory for
/// <c>Toolkit:Auth:UserCacheDuration</c> (default 30 s) so that checking a token is not a query per request.
/// <see cref="UserAccounts"/> evicts a user when it changes them: this instance at once, every other instance through
/// the broker (<see cref="Cluster.UserSessionChanged"/>), so a revoked token fails on every instance.
/// </summary>
public sealed class UserSessions(IMemoryCache cache, IOptions<AuthOptions> options, HubSessions hub, MassTransit.IBus bus)
{
    private long evictions;

    /// <summary>The user's current stamp and role, or null when the user does not exist (any more).</summary>
    public async Task<UserSession?> GetAsync(Guid userId, ToolkitDbContext db, CancellationToken ct)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out Entry? cached) && cached is not null) return cached.Session;
        var before = Interlocked.Read(ref evictions);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.Role }).FirstOrDefaultAsync(ct);
        var session = user is null ? null : new UserSession(user.SecurityStamp, user.Role);
        // a user changed while we read may have been read before the change: do not keep that answer
        var duration = options.Value.UserCacheDuration;
        if (duration > TimeSpan.Zero && Interlocked.Read(ref evictions) == before)
            cache.Set(key, new Entry(session), duration);
        return session;
    }

    /// <summary>Forgets a user's cached stamp and role (after a role, password or stamp change, or a deletion) and closes
    /// their open live-hub connections, in this instance and then in every other one.</summary>
    public async Task EvictAsync(Guid userId, CancellationToken ct)
    {
        EvictLocal(userId);
        await bus.Publish(new Cluster.UserSessionChanged(userId), ct);
    }

    /// <summary>Forgets the user's cached session and closes their live connections in this instance only.</summary>
    public void EvictLocal(Guid userId)
    {
        Interlocked.Increment(ref evictions);
        cache.Remove(Key(userId));
        hub.Close(userId);
    }

    private static string Key(Guid userId) => "toolkit-user-session:" + userId.ToString("N");

    private sealed record Entry(UserSession? Session);
}
