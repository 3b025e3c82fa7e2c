using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IgnitionToolkit.Api.Problems;

/// <summary>Turns unhandled exceptions into problem details without stack traces; malformed requests become 400.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error",
                "The server could not complete the request; the error has been logged."),
        };
        if (status >= 500)
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        else
            LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, exception.Message);

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request {Method} {Path}: {Message}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, string message);
}
