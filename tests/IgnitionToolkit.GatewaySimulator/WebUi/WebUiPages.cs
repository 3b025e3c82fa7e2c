using System.Net;
using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.WebUi;

/// <summary>Server-rendered pages of the gateway web UI: the home page, the licensing page and the backup page.</summary>
internal static class WebUiPages
{
    private const string Style = """
        <style>
          body { margin: 0; font-family: sans-serif; background: #f4f6f8; color: #1d2733; }
          header { display: flex; align-items: center; gap: 24px; padding: 0 24px; height: 52px; background: #1d2733; color: #fff; }
          header .brand { font-weight: bold; }
          nav { display: flex; gap: 16px; flex: 1; }
          nav a, header a { color: #cfe3ff; text-decoration: none; }
          main { padding: 24px; }
          .card { background: #fff; border: 1px solid #d5dbe1; border-radius: 4px; padding: 16px 20px; max-width: 640px; }
          dl { display: grid; grid-template-columns: 200px 1fr; gap: 8px; margin: 0; }
          dt { color: #5b6b7b; }
          .warning { background: #fff4d6; border: 1px solid #e0b64a; padding: 8px 12px; margin-bottom: 12px; }
        </style>
        """;

    public static string Home(GatewayState state, WebSession? session)
    {
        var name = E(state.GatewayName);
        var body = $"""
            <main class="ia_homePage" data-page="home">
              <h1>Welcome to {name}</h1>
              <div class="card">
                <dl>
                  <dt>Gateway</dt><dd>{name}</dd>
                  <dt>Version</dt><dd>{E(state.Version)}</dd>
                  <dt>Edition</dt><dd>{E(state.Edition)}</dd>
                </dl>
              </div>
            </main>
            """;
        return Page("Home", state, session, body);
    }

    public static string License(GatewayState state, WebSession session)
    {
        var (expired, secondsLeft) = state.Trial;
        var left = TimeSpan.FromSeconds(secondsLeft);
        var status = expired ? "Trial expired" : $"Trial mode, {(int)left.TotalHours}h {left.Minutes:00}m {left.Seconds:00}s remaining";
        var warning = expired
            ? """<div class="warning" role="alert">The trial period has expired: the gateway stopped running licensed features. Reset the trial to continue.</div>"""
            : "";
        var body = $"""
            <main>
              <h2>License</h2>
              {warning}
              <div class="card license-info" data-page="license">
                <dl>
                  <dt>License mode</dt><dd class="license-mode">Trial</dd>
                  <dt>Status</dt><dd class="license-status">{E(status)}</dd>
                  <dt>Edition</dt><dd>{E(state.Edition)}</dd>
                  <dt>Valid for version</dt><dd>{E(state.ShortVersion)}</dd>
                </dl>
              </div>
            </main>
            """;
        return Page("Licensing", state, session, body);
    }

    public static string Backup(GatewayState state, WebSession session) => Page("Backup", state, session, $$"""
        <main>
          <h2>Backup</h2>
          <div class="card backup" data-page="backup">
            <p>Download a gateway backup (.gwbk) of {{E(state.GatewayName)}}.</p>
            <button class="download-backup" onclick="location.href='{{WebUiEndpoints.BackupPath}}/download'">Download Backup</button>
          </div>
        </main>
        """);

    private static string Page(string title, GatewayState state, WebSession? session, string body)
    {
        var user = session is null
            ? """<a class="login-link" href="/data/app/login">Log In</a>"""
            : $"""<span class="user-name">{E(session.Username)}</span> <a class="logout-link" href="/data/app/logout">Log Out</a>""";
        var config = session is null ? "" : $"""<a href="{WebUiEndpoints.LicensePath}">Licensing</a>""";
        return $"""
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"><title>{E(title)} - {E(state.GatewayName)}</title>{Style}</head>
            <body>
              <header>
                <span class="brand">Ignition</span>
                <nav><a href="{WebUiEndpoints.HomePath}">Home</a>{config}</nav>
                <span class="user">{user}</span>
              </header>
              {body}
            </body>
            </html>
            """;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
