using System.Net;

namespace IgnitionToolkit.GatewaySimulator.Perspective;

/// <summary>HTML of the simulated Perspective pages, built from the DOM facts in reference §5.</summary>
internal static partial class PerspectivePages
{
    // Shows the spinner for 'delay' ms, then reveals the view (as a Perspective client does once its session is up).
    private static string Shell(string title, int delay, string view, string script = "") => $$"""
        <!DOCTYPE html>
        <html>
        <head><title>{{title}}</title>
        <style>
          .ignition-loading-spinner { width: 40px; height: 40px; border: 4px solid #ccc; border-top-color: #36c; border-radius: 50%; }
          [data-component="ia.input.button"] { display: inline-block; padding: 6px 12px; margin: 4px; background: #36c; color: #fff; cursor: pointer; }
          .dock-left { position: fixed; left: 0; top: 60px; width: 160px; background: #eee; }
          .error-pie { display: inline-block; width: 16px; height: 16px; background: #c33; border-radius: 50%; }
        </style>
        </head>
        <body>
          <div class="ignition-loading-spinner" role="progressbar"></div>
          <div id="app" style="display:none">{{view}}</div>
          <script>
            setTimeout(() => {
              document.querySelector('.ignition-loading-spinner').remove();
              document.getElementById('app').style.display = 'block';
            }, {{delay}});
            {{script}}
          </script>
        </body>
        </html>
        """;

    private const string MainScript = """
        const $ = path => document.querySelector('[data-component-path="' + path + '"]');
        const status = $('C:0');
        $('C:1').onclick = () => setTimeout(() => { status.textContent = 'Running'; status.setAttribute('data-state', 'running'); }, 300);
        $('C:2').onclick = () => { status.textContent = 'Stopped'; status.setAttribute('data-state', 'stopped'); };
        $('C:4').onclick = () => { $('C:5').textContent = 'Setpoint: ' + $('C:3').value; };
        $('C:6').onclick = () => { document.cookie = 'remembered=yes; path=/'; $('C:7').textContent = 'Remembered: yes'; };
        $('C:7').textContent = 'Remembered: ' + (document.cookie.includes('remembered=yes') ? 'yes' : 'no');
        $('C:8').onclick = () => { const row = document.createElement('div'); row.className = 'alarm-row';
          row.setAttribute('data-component', 'ia.display.label'); row.textContent = 'Alarm ' + (document.querySelectorAll('.alarm-row').length + 1);
          $('C:9').appendChild(row); };
        """;

    public static string Home(string project, int delay) => Shell($"{Encode(project)} - Home", delay, $"""
        <div data-component="ia.container.flex" data-component-path="C">
          <h2 data-component="ia.display.label" data-component-path="C:10">{Encode(project)} overview</h2>
          <div data-component="ia.display.label" data-component-path="C:0" data-state="stopped" class="status-label">Stopped</div>
          <div data-component="ia.input.button" data-component-path="C:1" role="button" tabindex="0">Start</div>
          <div data-component="ia.input.button" data-component-path="C:2" role="button" tabindex="0">Stop</div>
          <input data-component="ia.input.text-field" data-component-path="C:3" aria-label="Setpoint" placeholder="Setpoint" />
          <div data-component="ia.input.button" data-component-path="C:4" role="button" tabindex="0">Apply</div>
          <div data-component="ia.display.label" data-component-path="C:5">Setpoint: none</div>
          <div data-component="ia.input.button" data-component-path="C:6" role="button" tabindex="0">Remember me</div>
          <div data-component="ia.display.label" data-component-path="C:7">Remembered: no</div>
          <div data-component="ia.input.button" data-component-path="C:8" role="button" tabindex="0">Raise alarm</div>
          <div data-component="ia.container.flex" data-component-path="C:9" class="alarm-list"></div>
        </div>
        """, MainScript);

    public static string Docked(string project, int delay) => Shell($"{Encode(project)} - Docked", delay, """
        <div data-component="ia.container.flex" data-component-path="T[0]" class="dock-top">
          <div data-component="ia.display.label" data-component-path="T[0]:0">Plant header</div>
          <div data-component="ia.input.button" data-component-path="T[0]:1" role="button" tabindex="0">Menu</div>
        </div>
        <div data-component="ia.container.flex" data-component-path="L[0]" class="dock-left" style="display:none">
          <div data-component="ia.display.label" data-component-path="L[0]:0">Navigation</div>
        </div>
        <div data-component="ia.container.flex" data-component-path="C">
          <div data-component="ia.display.label" data-component-path="C:0">Docked page</div>
        </div>
        """, """
        const dock = document.querySelector('[data-component-path="L[0]"]');
        document.querySelector('[data-component-path="T[0]:1"]').onclick = () => {
          dock.style.display = dock.style.display === 'none' ? 'block' : 'none';
        };
        """);

    public static string Secure(string project, string user, int delay) => Shell($"{Encode(project)} - Secure", delay, $"""
        <div data-component="ia.container.flex" data-component-path="C">
          <div data-component="ia.display.label" data-component-path="C:0" class="user-label">Logged in as {Encode(user)}</div>
        </div>
        """);

    public static string Broken(string project, int delay) => Shell($"{Encode(project)} - Broken", delay, """
        <div data-component="ia.container.flex" data-component-path="C">
          <div data-component="ia.display.label" data-component-path="C:0">Trend</div>
          <div data-component="ia.chart.timeseries" data-component-path="C:1">
            <div class="component-error-boundary"><span class="error-pie"></span> Error rendering component: property 'series' is not valid</div>
          </div>
        </div>
        """);

    public static string Terminal(string header, string detail) => $"""
        <!DOCTYPE html>
        <html>
        <head><title>Perspective</title></head>
        <body>
          <div class="terminal-state"><h1 class="terminal-state-header">{Encode(header)}</h1><p class="terminal-state-message">{Encode(detail)}</p></div>
        </body>
        </html>
        """;

    public static string LoginRequired(string loginUrl) => $"""
        <!DOCTYPE html>
        <html>
        <head><title>Perspective - Login</title></head>
        <body>
          <div class="panel-header"><p class="panel-description">You must log in to continue.</p></div>
          <div class="submit-button" onclick="location.href='{WebUtility.HtmlEncode(loginUrl)}'">Continue to Log In</div>
        </body>
        </html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
