using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>Turns HTTP failures into messages an integrator understands.</summary>
internal static partial class GatewayErrors
{
    public static GatewayException FromTransport(HttpRequestException ex, string gateway, string operation)
    {
        var socket = FindSocketError(ex);
        var reason = socket switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "host name not found",
            SocketError.TimedOut => "connection timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
            SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection dropped by the gateway",
            _ when ex.HttpRequestError is HttpRequestError.NameResolutionError => "host name not found",
            _ when ex.HttpRequestError is HttpRequestError.SecureConnectionError => "TLS/HTTPS handshake failed (check http vs https and the certificate)",
            _ when ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "connection dropped by the gateway",
            _ => "connection failed",
        };
        return new GatewayException(GatewayFailure.Unreachable,
            $"cannot reach the gateway at {gateway} while trying to {operation}: {reason}. Is the gateway running and is the URL right?");
    }

    public static GatewayException Timeout(string gateway, string operation, TimeSpan limit) =>
        new(GatewayFailure.Timeout, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the gateway at {gateway} did not answer within {limit.TotalSeconds:0.#} s while trying to {operation}"));

    /// <summary>Builds the error for an unsuccessful HTTP status.</summary>
    public static GatewayException FromStatus(HttpStatusCode status, string body, GatewayAuthMode auth, string? credentialName,
        string gateway, string operation)
    {
        var code = $"{(int)status} {status}";
        var detail = Summarize(body);
        var suffix = detail.Length > 0 ? $": {detail}" : "";
        return status switch
        {
            HttpStatusCode.Unauthorized => new(GatewayFailure.Unauthorized, auth switch
            {
                GatewayAuthMode.ApiToken => $"the gateway at {gateway} rejected the API key '{credentialName}' ({code}) while trying to {operation}: check the key name and secret (the token is 'name:secret')",
                GatewayAuthMode.Login => $"the gateway session of user '{credentialName}' on {gateway} is not (or no longer) logged in ({code}) while trying to {operation}: run gateway.login again",
                _ => $"the gateway at {gateway} requires authentication to {operation} ({code}): run gateway.login first or give 'api_token'",
            }, status),
            HttpStatusCode.Forbidden => new(GatewayFailure.Forbidden, auth switch
            {
                GatewayAuthMode.ApiToken => $"the API key '{credentialName}' has no permission to {operation} on {gateway} ({code}): give the key write access (Gateway > Security > API Keys) or use another key",
                GatewayAuthMode.Login => $"user '{credentialName}' has no permission to {operation} on {gateway} ({code})",
                _ => $"the gateway at {gateway} does not allow anonymous access to {operation} ({code})",
            }, status),
            HttpStatusCode.ServiceUnavailable => new(GatewayFailure.Starting,
                $"the gateway at {gateway} is starting up or restarting ({code}) and cannot {operation} yet: wait for it with gateway.wait_for_ready", status),
            HttpStatusCode.NotFound => new(GatewayFailure.NotFound, $"could not {operation} on {gateway}: not found ({code}){suffix}", status),
            HttpStatusCode.Conflict => new(GatewayFailure.Conflict, $"could not {operation} on {gateway}: conflict ({code}){suffix}", status),
            >= HttpStatusCode.InternalServerError => new(GatewayFailure.ServerError,
                $"the gateway at {gateway} failed to {operation} ({code}){suffix}", status),
            _ => new(GatewayFailure.Rejected, $"the gateway at {gateway} refused to {operation} ({code}){suffix}", status),
        };
    }

    /// <summary>A short, single-line, tag-free extract of an error body.</summary>
    public static string Summarize(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "";
        var text = body.Trim();
        if (text.StartsWith('{')) text = JsonMessage(text) ?? text;
        text = Tags().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    private static string? JsonMessage(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            foreach (var name in new[] { "message", "error", "problem", "detail", "title" })
                if (doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String)
                    return v.GetString();
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return null;
    }

    private static SocketError? FindSocketError(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
            if (e is SocketException socket) return socket.SocketErrorCode;
        return null;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
