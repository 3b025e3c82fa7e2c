using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.navigate</c>: opens a URL, or a Perspective page of a project, and waits until it is loaded.</summary>
public sealed class NavigateStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.navigate", P.Category,
        "Opens a page (a full URL, or 'project' + 'page' of a Perspective session on 'gateway_url') and waits until the loading spinner is gone. " +
        "Fails at once on a terminal-state page or a component error.",
        [
            new StepParameterSchema("url", StepParameterType.String, Description: "Full URL, or a path relative to 'gateway_url'."),
            new StepParameterSchema("gateway_url", StepParameterType.String, Description: "Gateway base URL, e.g. http://localhost:8088 (for 'project' or a relative 'url'). Default: the current page's gateway."),
            new StepParameterSchema("project", StepParameterType.String, Description: "Perspective project: opens /data/perspective/client/<project>/<page>."),
            new StepParameterSchema("page", StepParameterType.String, Default: "/", Description: "Page URL within the project (a key of its page configuration)."),
            new StepParameterSchema("wait_until", StepParameterType.String, Default: "load",
                Description: "Page load event: load, domcontentloaded or commit ('networkidle' is read as load: Perspective never goes idle)."),
            P.WaitForSpinner, P.Timeout(30), P.TimeoutMs,
        ],
        Outputs: P.Outputs(P.UrlOutput, new StepOutputSchema("title", StepParameterType.String, "Page title.")),
        Aliases: [V2Aliases.Alias("browser.navigate", V2Aliases.Navigate, V2Aliases.NavigateNotes)]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var target = TargetUrl(context, session.Page.Url);
        var timeout = P.TimeoutOf(context, 30);
        var waitUntil = (context.Get<string>("wait_until") ?? "load").ToLowerInvariant() switch
        {
            "load" or "networkidle" => WaitUntilState.Load,
            "domcontentloaded" => WaitUntilState.DOMContentLoaded,
            "commit" => WaitUntilState.Commit,
            var other => throw new StepParameterException("wait_until", $"'{other}' is not one of load, domcontentloaded, commit"),
        };
        IResponse? response;
        try
        {
            response = await Await(session.Page.GotoAsync(target.ToString(), new PageGotoOptions
            {
                WaitUntil = waitUntil, Timeout = PerspectiveWaits.Ms(timeout),
            }), cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new PerspectivePageException($"{target} did not load within {P.Seconds(timeout)} s", ex);
        }
        catch (PlaywrightException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PerspectivePageException($"cannot open {target}: {BrowserText.FirstLine(ex.Message)}", ex);
        }
        if (response is { Status: >= 400 } failed)
        {
            await PerspectiveWaits.CheckNotBrokenAsync(session.Page); // a terminal-state page explains more than a status
            throw new PerspectivePageException($"{target} answered HTTP {failed.Status} {failed.StatusText}".TrimEnd());
        }
        if (context.Get<bool>("wait_for_spinner")) await PerspectiveWaits.WaitReadyAsync(session.Page, timeout, cancellationToken);
        else await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        var title = await session.Page.TitleAsync();
        context.Logger.LogStep($"opened {session.Page.Url} ('{title}')");
        return Done(("url", session.Page.Url), ("title", title));
    }

    private static Uri TargetUrl(StepContext context, string currentUrl)
    {
        var url = context.Get<string>("url");
        var project = context.Get<string>("project");
        if (!string.IsNullOrWhiteSpace(url) && !string.IsNullOrWhiteSpace(project))
            throw new StepParameterException("project", "give either 'url' or 'project', not both");
        if (!string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute;

        var gatewayText = context.Get<string>("gateway_url");
        Uri? gateway = null;
        if (!string.IsNullOrWhiteSpace(gatewayText))
        {
            if (!Uri.TryCreate(gatewayText.TrimEnd('/') + "/", UriKind.Absolute, out gateway) || gateway.Scheme is not ("http" or "https"))
                throw new StepParameterException("gateway_url", $"'{gatewayText}' is not an http(s) URL");
        }
        else if (Uri.TryCreate(currentUrl, UriKind.Absolute, out var current) && current.Scheme is "http" or "https")
        {
            gateway = new Uri(current.GetLeftPart(UriPartial.Authority) + "/");
        }

        string path;
        if (!string.IsNullOrWhiteSpace(project))
        {
            var page = (context.Get<string>("page") ?? "/").Trim().TrimStart('/');
            path = $"data/perspective/client/{Uri.EscapeDataString(project.Trim())}/{page}";
        }
        else if (!string.IsNullOrWhiteSpace(url))
        {
            path = url.TrimStart('/');
        }
        else
        {
            throw new StepParameterException("url", "give 'url', or 'project' (and 'page') with 'gateway_url'");
        }
        return gateway is null
            ? throw new StepParameterException("gateway_url", $"'{url ?? project}' needs 'gateway_url' (no page is open yet to take the gateway from)")
            : new Uri(gateway, path);
    }
}
