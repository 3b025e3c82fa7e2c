using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Gateway.Sessions;

/// <summary>
/// Finds the gateway session a step works with. <c>gateway.login</c> stores its session in <see cref="StepContext.Items"/>
/// (per execution) as the current one; a step with a <c>url</c>/<c>gateway_url</c> uses the session of that gateway,
/// or opens one (with <c>api_token</c> when given).
/// </summary>
public static class GatewaySessions
{
    private const string CurrentKey = "gateway.session:current";
    private const string ByUrlPrefix = "gateway.session:";

    public static GatewayConnectionFactory Factory(StepContext context) =>
        context.Services.GetService<GatewayConnectionFactory>() ?? GatewayConnectionFactory.Default;

    public static GatewayMutationLock Lock(StepContext context) =>
        context.Services.GetService<GatewayMutationLock>() ?? GatewayMutationLock.Shared;

    /// <summary>The gateway URL the step names (<c>url</c>, or the v2 <c>gateway_url</c>), or null.</summary>
    public static string? RequestedUrl(StepContext context)
    {
        var url = context.Get<string>("url");
        if (string.IsNullOrWhiteSpace(url)) url = context.Get<string>("gateway_url");
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }

    /// <summary>Stores a logged-in session as the current one (replacing an earlier session to the same gateway).</summary>
    public static void Store(StepContext context, GatewayClient client)
    {
        client.Notice = message => context.Logger.LogStep(message);
        context.Items.Set(Key(client.Gateway), client);
        context.Items.Set(CurrentKey, client);
    }

    public static GatewayClient? Current(StepContext context) => context.Items.Get<GatewayClient>(CurrentKey);

    /// <summary>Forgets a session (it is disposed when the execution ends).</summary>
    public static void Remove(StepContext context, GatewayClient client)
    {
        context.Items.Remove(Key(client.Gateway));
        if (ReferenceEquals(Current(context), client)) context.Items.Remove(CurrentKey);
    }

    /// <summary>The session for this step: by URL (existing or new, with <c>api_token</c> if given) or the current one.</summary>
    public static GatewayClient Resolve(StepContext context)
    {
        var client = ResolveClient(context);
        client.Notice = message => context.Logger.LogStep(message);
        return client;
    }

    private static GatewayClient ResolveClient(StepContext context)
    {
        var url = RequestedUrl(context);
        var token = context.Get<string>("api_token");
        if (url is null)
        {
            var current = Current(context)
                ?? throw new StepParameterException("url", "no gateway session: run gateway.login first, or give 'url' (and 'api_token') to this step");
            if (!string.IsNullOrWhiteSpace(token)) ApplyToken(current, token);
            return current;
        }

        var key = Key(Normalize(url));
        var existing = context.Items.Get<GatewayClient>(key);
        if (existing is not null && (string.IsNullOrWhiteSpace(token) || existing.AuthMode != GatewayAuthMode.None))
        {
            if (!string.IsNullOrWhiteSpace(token)) ApplyToken(existing, token);
            return existing;
        }
        var client = Create(context, url);
        if (!string.IsNullOrWhiteSpace(token)) ApplyToken(client, token);
        context.Items.Set(key, client);
        return client;
    }

    public static GatewayClient Create(StepContext context, string url)
    {
        try
        {
            return Factory(context).Create(url);
        }
        catch (ArgumentException ex)
        {
            throw new StepParameterException(context.Get<string>("url") is null ? "gateway_url" : "url", ex.Message);
        }
    }

    public static void ApplyToken(GatewayClient client, string token)
    {
        try
        {
            client.UseApiToken(token.Trim());
        }
        catch (ArgumentException ex)
        {
            throw new StepParameterException("api_token", ex.Message);
        }
    }

    private static string Normalize(string url)
    {
        if (Normalized.TryGetValue(url, out var known)) return known;
        try
        {
            var normalized = GatewayConnectionFactory.NormalizeUrl(url).AbsoluteUri.TrimEnd('/');
            if (Normalized.Count < MaxNormalized) Normalized.TryAdd(url, normalized);
            return normalized;
        }
        catch (ArgumentException ex)
        {
            throw new StepParameterException("url", ex.Message);
        }
    }

    /// <summary>Gateway URLs as written in playbooks, normalised (each step of a playbook names its gateway again); bounded.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Normalized = new(StringComparer.Ordinal);
    private const int MaxNormalized = 256;

    private static string Key(string gateway) => ByUrlPrefix + GatewayMutationLock.Key(gateway);
}
