using System.Net;

namespace IgnitionToolkit.Plugins.Gateway.Client;

public enum GatewayFailure
{
    Unreachable,
    Timeout,
    Starting,
    Unauthorized,
    Forbidden,
    WrongPassword,
    NotFound,
    Conflict,
    Rejected,
    ServerError,
    UnexpectedResponse,
}

/// <summary>A gateway call failed; <see cref="Exception.Message"/> is written for the integrator (no stack trace, no raw exception text).</summary>
public sealed class GatewayException(GatewayFailure failure, string message, HttpStatusCode? status = null) : Exception(message)
{
    public GatewayFailure Failure { get; } = failure;
    public HttpStatusCode? StatusCode { get; } = status;
}
