using System.Security.Cryptography;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>A signed-in web UI session (cookie <c>webui-sid-&lt;gatewayId&gt;</c>).</summary>
public sealed record WebSession(string Id, string Username, IReadOnlyList<string> Roles, bool ReadOnly, string CsrfToken,
    DateTimeOffset CreatedAt, int RestartGeneration);

/// <summary>The IdP login flows (section 3 of the reference): every challenge call consumes its token and issues a new one,
/// so a replayed token is unknown. Authorization codes and web sessions live here too; like a real gateway's in-memory
/// sessions, web sessions do not survive a restart.</summary>
public sealed class IdpSessions(TimeProvider clock, GatewayLifecycle lifecycle)
{
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LoginFlow> _flowsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoginFlow> _flowsByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);

    private sealed class LoginFlow(string state, DateTimeOffset startedAt)
    {
        public string State { get; } = state;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public SeedUser? User { get; set; }
    }

    public static string NewToken(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Step 2: starts a flow for an authorization request and returns its first token.</summary>
    public string StartFlow(string state)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var stale in _flowsByToken.Where(kv => now - kv.Value.StartedAt > FlowLifetime).Select(kv => kv.Key).ToList())
            {
                _flowsByToken.Remove(stale);
            }
            var token = NewToken();
            _flowsByToken[token] = new LoginFlow(state, now);
            return token;
        }
    }

    /// <summary>Steps 3 and 5: null when the token is unknown (replayed); otherwise whether the flow is complete and the next token.</summary>
    public (bool Complete, string NextToken)? NextChallenge(string? token)
    {
        lock (_gate)
        {
            if (!TryTake(token, out var flow))
            {
                return null;
            }
            return (flow.User is not null, Issue(flow));
        }
    }

    /// <summary>Step 4: null when the token is unknown; otherwise whether the credentials were right and the next token.</summary>
    public (bool Success, string NextToken)? SubmitBasic(string? token, SeedUser? validatedUser)
    {
        lock (_gate)
        {
            if (!TryTake(token, out var flow))
            {
                return null;
            }
            if (validatedUser is not null)
            {
                flow.User = validatedUser;
            }
            return (validatedUser is not null, Issue(flow));
        }
    }

    /// <summary>Step 6: consumes the final token of a completed flow and returns an authorization code and the state.</summary>
    public (string Code, string State)? Authorize(string? token)
    {
        lock (_gate)
        {
            if (token is null || !_flowsByToken.TryGetValue(token, out var flow) || flow.User is null)
            {
                return null;
            }
            _flowsByToken.Remove(token);
            var code = NewToken();
            _flowsByCode[code] = flow;
            return (code, flow.State);
        }
    }

    /// <summary>Step 7: exchanges a code (once) for a web session.</summary>
    public WebSession? Redeem(string? code, string? state)
    {
        lock (_gate)
        {
            if (code is null || !_flowsByCode.Remove(code, out var flow) || flow.User is null || flow.State != state)
            {
                return null;
            }
            var user = flow.User;
            var session = new WebSession(NewToken(32), user.Username, [.. user.Roles], user.ReadOnly, NewToken(), clock.GetUtcNow(),
                lifecycle.RestartCount);
            _sessions[session.Id] = session;
            return session;
        }
    }

    public WebSession? FindSession(string? id)
    {
        lock (_gate)
        {
            if (id is null || !_sessions.TryGetValue(id, out var session))
            {
                return null;
            }
            if (session.RestartGeneration != lifecycle.RestartCount)
            {
                _sessions.Remove(id);
                return null;
            }
            return session;
        }
    }

    public bool EndSession(string? id)
    {
        lock (_gate) { return id is not null && _sessions.Remove(id); }
    }

    public int SessionCount
    {
        get { lock (_gate) { return _sessions.Count; } }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _flowsByToken.Clear();
            _flowsByCode.Clear();
            _sessions.Clear();
        }
    }

    private bool TryTake(string? token, out LoginFlow flow)
    {
        flow = null!;
        return token is not null && _flowsByToken.Remove(token, out flow!);
    }

    private string Issue(LoginFlow flow)
    {
        var next = NewToken();
        _flowsByToken[next] = flow;
        return next;
    }
}
