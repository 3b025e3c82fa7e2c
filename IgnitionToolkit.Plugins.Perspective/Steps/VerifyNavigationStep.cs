using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.verify_page</c> (v5 <c>perspective.verify_navigation</c>): the page's URL and/or title contain the expected text.</summary>
public sealed class VerifyNavigationStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.verify_page", P.Category,
        "Checks that the current page's URL contains 'expected_url_pattern' and/or its title contains 'expected_title_pattern' " +
        "(plain text, case-sensitive), retrying until both hold, the page is ready (spinner gone) or 'timeout' passes. Never waits for network idle.",
        [
            new StepParameterSchema("expected_url_pattern", StepParameterType.String, Description: "Text the URL must contain."),
            new StepParameterSchema("expected_title_pattern", StepParameterType.String, Description: "Text the title must contain."),
            P.Timeout(5), P.TimeoutMs,
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("status", StepParameterType.String, "'verified'."),
            P.UrlOutput,
            new StepOutputSchema("title", StepParameterType.String, "Page title."),
            new StepOutputSchema("message", StepParameterType.String, "What was checked.")),
        Aliases: [V2Aliases.Alias("perspective.verify_navigation")]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var url = context.Get<string>("expected_url_pattern");
        var title = context.Get<string>("expected_title_pattern");
        if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(title))
            throw new StepParameterException("expected_url_pattern", "give 'expected_url_pattern', 'expected_title_pattern' or both");
        var timeout = P.TimeoutOf(context, 5);
        var deadline = DateTime.UtcNow + timeout;
        var page = session.Page;
        while (true)
        {
            await PerspectiveWaits.CheckNotBrokenAsync(page);
            string actualTitle;
            try
            {
                actualTitle = await Await(page.TitleAsync(), cancellationToken);
            }
            catch (Microsoft.Playwright.PlaywrightException) when (!cancellationToken.IsCancellationRequested)
            {
                actualTitle = ""; // navigating: look again
            }
            var holds = (string.IsNullOrEmpty(url) || page.Url.Contains(url, StringComparison.Ordinal))
                && (string.IsNullOrEmpty(title) || actualTitle.Contains(title, StringComparison.Ordinal));
            if (holds)
            {
                await PerspectiveWaits.WaitReadyAsync(page, TimeSpan.FromSeconds(Math.Max(1, (deadline - DateTime.UtcNow).TotalSeconds)), cancellationToken);
                var message = $"on {page.Url} ('{actualTitle}')";
                context.Logger.LogStep("navigation verified: " + message);
                return Done(("status", "verified"), ("url", page.Url), ("title", actualTitle), ("message", message));
            }
            if (DateTime.UtcNow >= deadline)
            {
                var expected = string.Join(" and ", new[] { url is { Length: > 0 } ? $"URL containing '{url}'" : null,
                    title is { Length: > 0 } ? $"title containing '{title}'" : null }.Where(t => t is not null));
                return StepResult.Failed($"verify_page failed: expected {expected}, but the page is {page.Url} titled '{actualTitle}' (after {P.Seconds(timeout)} s)",
                    new Dictionary<string, object?> { ["url"] = page.Url, ["title"] = actualTitle });
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
