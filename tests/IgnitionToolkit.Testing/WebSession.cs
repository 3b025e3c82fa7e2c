using System.Net;
using System.Text.RegularExpressions;

namespace IgnitionToolkit.Testing;

/// <summary>A plain HTTP client of the Web app signed in through its sign-in form, as a browser without JavaScript does:
/// GET <c>/login</c> (antiforgery cookie and hidden fields), POST the form, keep the sign-in cookie.</summary>
public static partial class WebSession
{
    public const string AuthCookie = "IgnitionToolkit.Auth";

    /// <summary>A client whose cookies hold <paramref name="userName"/>'s sign-in; redirects are not followed.</summary>
    public static async Task<HttpClient> SignInAsync(ToolkitProcess web, string userName, string password, TimeSpan? timeout = null)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, CheckCertificateRevocationList = true })
        {
            BaseAddress = web.BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        try
        {
            var page = await client.GetStringAsync("login");
            var fields = HiddenInputs(page);
            fields["Input.Username"] = userName;
            fields["Input.Password"] = password;
            using var form = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync("login", form);
            if (cookies.GetCookies(web.BaseAddress)[AuthCookie] is null)
                throw new InvalidOperationException($"sign-in of {userName} through the Web failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The hidden fields of the page's forms (antiforgery token, <c>_handler</c>) by name.</summary>
    public static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.OrdinalIgnoreCase)) continue;
            var name = Attribute(tag, "name");
            if (name is not null) fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}
