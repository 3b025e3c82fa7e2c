using IgnitionToolkit.Core.Configuration;
using Microsoft.AspNetCore.DataProtection;

namespace IgnitionToolkit.Web.Auth;

/// <summary>
/// The keys that protect the sign-in cookie and antiforgery tokens live in the data folder
/// (<c>&lt;data&gt;/keys/web</c>), not in memory: restarting or upgrading the Web does not sign everyone out, and Web
/// instances that share the folder accept each other's cookies. The folder holds secrets: protect it like the vault key.
/// </summary>
public static class WebDataProtection
{
    public const string ApplicationName = "IgnitionToolkit.Web";

    public static WebApplicationBuilder AddWebDataProtection(this WebApplicationBuilder builder)
    {
        var paths = ToolkitPaths.Resolve(key => builder.Configuration[key]);
        var folder = Directory.CreateDirectory(Path.Combine(paths.DataDirectory, "keys", "web"));
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(folder);
        return builder;
    }
}
