namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>The <c>--server</c> URL of a toolkit API.</summary>
public static class ServerUrl
{
    /// <summary>An absolute http(s) URL, normalised to end with '/' so relative paths (<c>health</c>, <c>api/v1/...</c>) append.</summary>
    public static bool TryParse(string text, out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")) return false;
        url = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }
}
