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

    [Fact]
    public async Task A_recorded_login_keeps_the_password_out_of_the_draft_and_the_log_and_replays_with_it_as_a_parameter()
    {
        const string Typed = "password"; // the simulator's admin password: the replay logs in with it
        var id = Guid.NewGuid();
        var run = _h.Start(_h.Load(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: secure, wait_for_spinner: false }
            - id: record
              type: perspective.record
            """)).Playbook, executionId: id);
        await run.Events.WaitForAsync<LogEvent>(l => l.Message.StartsWith("recording ", StringComparison.Ordinal), 600);
        Assert.True(_h.Inputs.TryGet(id, out var page));
        var places = await LoginPlacesAsync();

        async Task Apply(BrowserInput input, int recorded)
        {
            Assert.Null(await page.ApplyAsync(input, default));
            if (recorded > 0) await run.Events.WaitForAsync<LogEvent>(l => l.Message.StartsWith($"recorded step {recorded}:", StringComparison.Ordinal), 120);
        }
        await Apply(new BrowserInput(BrowserInput.Click, places.Continue.X, places.Continue.Y, null, null, "tester"), 2); // the click, then the IdP page
        await Apply(new BrowserInput(BrowserInput.Click, places.Username.X, places.Username.Y, null, null, "tester"), 3);
        await Apply(new BrowserInput(BrowserInput.Type, null, null, "admin", null, "tester"), 4);
        await Apply(new BrowserInput(BrowserInput.Click, places.Submit.X, places.Submit.Y, null, null, "tester"), 5); // the password field gets the focus
        await Apply(new BrowserInput(BrowserInput.Type, null, null, Typed, null, "tester"), 6);
        await Apply(new BrowserInput(BrowserInput.Press, null, null, null, "Enter", "tester"), 8); // Enter, then back on the secure page
        await Apply(new BrowserInput(BrowserInput.StopRecording, null, null, null, null, "tester"), 0);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(600));
        Assert.True((bool)run.Output("record", "password")!);
        var draft = (string)run.Output("record", "draft")!;
        var playbook = _h.Load(draft).Playbook;
        // the typed password is no value anywhere in the draft, and the log names only the field ('#password')
        Assert.DoesNotContain(playbook.Steps.SelectMany(s => s.Parameters.Values), v => Equals(v, Typed));
        Assert.DoesNotContain(playbook.Parameters, p => Equals(p.Default, Typed));
        Assert.All(run.Logs.Where(l => l.Contains(Typed, StringComparison.Ordinal)), l => Assert.Contains("'#password'", l, StringComparison.Ordinal));
        Assert.Contains(playbook.Steps, s => s.Type == "perspective.fill" && Equals(s.Parameters["value"], "{{ parameter.password }}"));
        Assert.Contains(playbook.Steps, s => s.Type == "perspective.fill" && Equals(s.Parameters["value"], "{{ parameter.username }}"));
        Assert.Equal("/data/perspective/client/Demo_HMI/secure", playbook.Steps[^1].Parameters["expected_url_pattern"]);

        var replay = _h.Start(playbook, new Dictionary<string, object?> { ["gateway_url"] = _h.Url, ["password"] = Typed });
        Assert.Equal(ExecutionStatus.Completed, await replay.CompletionAsync(600));
    }

    private sealed record LoginPlaces((double X, double Y) Continue, (double X, double Y) Username, (double X, double Y) Submit);

    /// <summary>Where the login's parts are, found by walking the same login in a probe page of the same viewport.</summary>
    private async Task<LoginPlaces> LoginPlacesAsync()
    {
        await using var context = await _h.Runtime.NewContextAsync(default);
        var probe = await context.NewPageAsync();
        await probe.GotoAsync($"{_h.Url}/data/perspective/client/{PerspectiveHarness.Project}/secure");
        var size = probe.ViewportSize!;
        async Task<(double X, double Y)> Centre(ILocator element)
        {
            await element.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
            var box = (await element.BoundingBoxAsync())!;
            return ((box.X + box.Width / 2) / size.Width, (box.Y + box.Height / 2) / size.Height);
        }
        var proceed = await Centre(probe.Locator(".submit-button"));
        await probe.Locator(".submit-button").ClickAsync();
        return new LoginPlaces(proceed, await Centre(probe.Locator("input.username-field")), await Centre(probe.Locator("div.submit-button[role=button]")));
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
