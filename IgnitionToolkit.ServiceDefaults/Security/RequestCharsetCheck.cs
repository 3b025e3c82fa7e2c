using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>A request whose <c>Content-Type</c> names a charset .NET cannot decode (<c>charset=utf-42</c>) is answered
/// 415 with a problem: left alone, reading its JSON body throws and the caller would get a 500.</summary>
public static class RequestCharsetCheck
{
    public static IApplicationBuilder UseRequestCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !Supported(type.Charset.Value!))
        {
            var shown = type.Charset.Value!.Length <= 40 ? type.Charset.Value : type.Charset.Value[..40] + "…";
            await Results.Problem(title: "Unsupported charset", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"the request's charset '{shown}' is not supported; send UTF-8").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool Supported(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
