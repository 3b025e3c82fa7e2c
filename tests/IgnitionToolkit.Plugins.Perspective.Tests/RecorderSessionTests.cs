using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>perspective.record against the gateway simulator's Perspective page in a real Chromium: clicks and typing
/// through the live view input become a draft that runs.</summary>
[Trait("Category", "Functional")]
public sealed class RecorderSessionTests : IAsyncLifetime
{
    private PerspectiveHarness _h = null!;

    public async Task InitializeAsync() => _h = await PerspectiveHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Clicks_and_typing_through_the_live_view_become_a_draft_that_runs()
    {
        var id = Guid.NewGuid();
        var run = _h.Start(_h.Load(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI }
            - id: record
              type: perspective.record
              parameters: { name: "Setpoint recorded" }
            """)).Playbook, executionId: id);
        await run.Events.WaitForAsync<LogEvent>(l => l.Message.StartsWith("recording ", StringComparison.Ordinal), 600);
        Assert.True(_h.Inputs.TryGet(id, out var page));
        var field = await CentreAsync("C:3");
        var apply = await CentreAsync("C:4");

        Assert.Null(await page.ApplyAsync(new BrowserInput(BrowserInput.Click, field.X, field.Y, null, null, "tester"), default));
        Assert.Null(await page.ApplyAsync(new BrowserInput(BrowserInput.Type, null, null, "42", null, "tester"), default));
        Assert.Null(await page.ApplyAsync(new BrowserInput(BrowserInput.Click, apply.X, apply.Y, null, null, "tester"), default));
        await run.Events.WaitForAsync<LogEvent>(l => l.Message.StartsWith("recorded step 3:", StringComparison.Ordinal), 120);
        Assert.Null(await page.ApplyAsync(new BrowserInput(BrowserInput.StopRecording, null, null, null, null, "tester"), default));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(600));
        Assert.Equal(3L, run.Output("record", "steps"));
        Assert.Equal(3, run.Artifacts.Count(a => a.Name.StartsWith("recorded-", StringComparison.Ordinal) && a.ContentType == "image/jpeg"));
        var draft = (string)run.Output("record", "draft")!;
        var playbook = _h.Load(draft).Playbook;
        Assert.Equal(["perspective.navigate", "perspective.click", "perspective.fill", "perspective.click"], playbook.Steps.Select(s => s.Type));
        Assert.Equal("C:3", playbook.Steps[2].Parameters["component_path"]);
        Assert.Equal("42", playbook.Steps[2].Parameters["value"]); // text, as typed (not the number 42)
        Assert.Equal("C:4", playbook.Steps[3].Parameters["component_path"]);

        var replay = _h.Start(playbook); // gateway_url: the simulator, as recorded
        Assert.Equal(ExecutionStatus.Completed, await replay.CompletionAsync(600));
    }

    /// <summary>The centre of a component as fractions of the page (the executions' viewport).</summary>
    private async Task<(double X, double Y)> CentreAsync(string path)
    {
        await using var context = await _h.Runtime.NewContextAsync(default);
        var probe = await context.NewPageAsync();
        await probe.GotoAsync($"{_h.Url}/data/perspective/client/{PerspectiveHarness.Project}");
        var component = probe.Locator($"[data-component-path=\"{path}\"]");
        await component.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var box = (await component.BoundingBoxAsync())!;
        var size = probe.ViewportSize!;
        return ((box.X + box.Width / 2) / size.Width, (box.Y + box.Height / 2) / size.Height);
    }
}
