using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>
/// Logs every outgoing HTTP call of an <c>IHttpClientFactory</c> client in place of the framework's loggers, with the URL
/// masked (secrets of running executions, URI passwords, access tokens; the query string shown as <c>?*</c>). The
/// framework's loggers put the URL, as a <see cref="Uri"/>, into a logging scope (<c>HTTP GET {Uri}</c>) that every
/// record of the call carries: no sink's masking reaches scope values, so a gateway URL holding a credential (a path or
/// a user-info part) was exported as it was.
/// </summary>
public sealed partial class MaskedHttpClientLogger(ILogger logger) : IHttpClientLogger
{
    /// <summary>The category of the records (the framework's loggers used <c>System.Net.Http.HttpClient.&lt;name&gt;.*</c>).</summary>
    public const string Category = "System.Net.Http.HttpClient";

    /// <summary>Whether the records are written: the masked URL costs, so it is built only then.</summary>
    private bool Writing => logger.IsEnabled(LogLevel.Information);

    public object? LogRequestStart(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Writing) Sending(logger, request.Method.Method, Url(request.RequestUri));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (Writing) Answered(logger, request.Method.Method, Url(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Writing) Failed(logger, exception, request.Method.Method, Url(request.RequestUri), elapsed.TotalMilliseconds);
    }

    /// <summary>The URL as it may be logged: no query values, no secrets.</summary>
    public static string Url(Uri? uri)
    {
        if (uri is null) return "";
        if (!uri.IsAbsoluteUri) return SecretMaskingEnricher.MaskText(uri.OriginalString.Split('?')[0]);
        var text = uri.GetLeftPart(UriPartial.Path) + (uri.Query.Length > 1 ? "?*" : "");
        return SecretMaskingEnricher.MaskText(text);
    }

    [LoggerMessage(LogLevel.Information, "Sending HTTP request {HttpMethod} {Url}")]
    private static partial void Sending(ILogger logger, string httpMethod, string url);

    [LoggerMessage(LogLevel.Information, "HTTP {HttpMethod} {Url} answered {StatusCode} after {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string httpMethod, string url, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(LogLevel.Information, "HTTP {HttpMethod} {Url} failed after {ElapsedMilliseconds:0.0} ms")]
    private static partial void Failed(ILogger logger, Exception exception, string httpMethod, string url, double elapsedMilliseconds);
}
