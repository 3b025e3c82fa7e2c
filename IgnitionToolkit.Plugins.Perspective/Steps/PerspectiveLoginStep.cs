using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>
/// <c>perspective.login</c>: walks the Ignition IdP form (reference §5): the "You must log in to continue." interstitial,
/// <c>input.username-field</c> + <c>div.submit-button</c>, <c>input.password-field</c> + <c>div.submit-button</c>,
/// then waits until the Perspective page is back and loaded. Use a vault credential:
/// <c>username: "{{ credential.plant.username }}"</c>, <c>password: "{{ credential.plant.password }}"</c>.
/// </summary>
public sealed class PerspectiveLoginStep : PerspectiveStep
{
    private const string StateScript = """
        () => {
          const visible = s => [...document.querySelectorAll(s)].find(e => e.checkVisibility()) || null;
          const error = visible('.login-error, .error-message, .panel-error');
          if (visible('input.password-field')) return 'password';
          if (visible('input.username-field')) return error ? 'rejected\n' + error.textContent.trim() : 'username';
          if (visible('div.panel-header p.panel-description') && visible('div.submit-button')) return 'interstitial';
          if (location.pathname.startsWith('/idp/') || document.readyState === 'loading') return 'busy';
          return 'app';
        }
        """;

    public override StepTypeDescriptor Descriptor { get; } = new("perspective.login", P.Category,
        "Logs in to a Perspective session through the Ignition IdP form (opens 'url' first when given) and waits until the page is loaded again. " +
        "Pass a vault credential with templates: username: \"{{ credential.<name>.username }}\", password: \"{{ credential.<name>.password }}\".",
        [
            new StepParameterSchema("url", StepParameterType.String, Description: "Page to open first (it redirects to the login form). Default: log in on the current page."),
            new StepParameterSchema("username", StepParameterType.String, Required: true, Description: "User name."),
            new StepParameterSchema("password", StepParameterType.String, Required: true, Secret: true, Description: "Password (masked everywhere)."),
            P.Timeout(30), P.TimeoutMs,
        ],
        Outputs: P.Outputs(P.UrlOutput));

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var username = context.GetRequiredString("username");
        var password = context.GetRequiredString("password");
        var timeout = P.TimeoutOf(context, 30);
        var page = session.Page;
        if (context.Get<string>("url") is { Length: > 0 } url)
            await Await(page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = PerspectiveWaits.Ms(timeout) }), cancellationToken);

        var deadline = DateTime.UtcNow + timeout;
        var submitted = false;
        var sawForm = false;
        string last = "busy";
        while (DateTime.UtcNow < deadline)
        {
            last = await StateAsync(page);
            switch (last.Split('\n')[0])
            {
                case "interstitial":
                    sawForm = true;
                    await ClickSubmitAsync(page, timeout, cancellationToken);
                    break;
                case "username":
                    sawForm = true;
                    await page.Locator("input.username-field").First.FillAsync(username, new() { Timeout = PerspectiveWaits.Ms(timeout) });
                    await ClickSubmitAsync(page, timeout, cancellationToken);
                    await WaitForChangeAsync(page, "username", cancellationToken);
                    break;
                case "password":
                    sawForm = true;
                    await page.Locator("input.password-field").First.FillAsync(password, new() { Timeout = PerspectiveWaits.Ms(timeout) });
                    await ClickSubmitAsync(page, timeout, cancellationToken);
                    submitted = true;
                    await WaitForChangeAsync(page, "password", cancellationToken);
                    break;
                case "rejected" when submitted:
                    var reason = last.Split('\n', 2)[1];
                    return StepResult.Failed($"login as '{username}' was rejected" + (reason.Length > 0 ? $": {reason}" : ""));
                case "rejected":
                    goto case "username";
                case "app":
                    var remaining = deadline - DateTime.UtcNow;
                    await PerspectiveWaits.WaitReadyAsync(page, remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken);
                    context.Logger.LogStep(sawForm ? $"logged in as '{username}'; now on {page.Url}" : $"no login form shown (already logged in); on {page.Url}");
                    return Done(("url", page.Url));
                default:
                    await Task.Delay(100, cancellationToken);
                    break;
            }
        }
        throw new PerspectivePageException(sawForm
            ? $"login as '{username}' did not complete within {P.Seconds(timeout)} s (last seen: {last.Split('\n')[0]} on {page.Url})"
            : $"no login form appeared within {P.Seconds(timeout)} s on {page.Url}");
    }

    private static async Task<string> StateAsync(IPage page)
    {
        try
        {
            await PerspectiveWaits.CheckNotBrokenAsync(page);
            return await page.EvaluateAsync<string>(StateScript);
        }
        catch (PlaywrightException)
        {
            return "busy"; // navigating between the login pages
        }
    }

    private static Task ClickSubmitAsync(IPage page, TimeSpan timeout, CancellationToken cancellationToken) =>
        Await(page.Locator("div.submit-button:visible").First.ClickAsync(new() { Timeout = PerspectiveWaits.Ms(timeout) }), cancellationToken);

    /// <summary>Gives the form a moment to move on, so the same stage is not submitted twice.</summary>
    private static async Task WaitForChangeAsync(IPage page, string stage, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50 && await StateAsync(page) == stage; i++) await Task.Delay(100, cancellationToken);
    }
}
