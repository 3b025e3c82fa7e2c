using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.Loading;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests;

/// <summary>The real step catalogue: built-in plugins plus the plugins folder.</summary>
[Trait("Category", "Functional")]
public sealed class StepTypeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Step_types_list_the_built_in_catalogue_with_schemas_and_aliases()
    {
        var types = (await api.Client.GetJsonAsync("/api/v1/step-types")).AsArray();
        var names = types.Select(t => t!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "debug.breakpoint", "playbook.run", "utility.log", "utility.set_variable", "utility.wait" });

        var wait = types.Single(t => t!["type"]!.GetValue<string>() == "utility.wait")!;
        var seconds = wait["parameters"]![0]!;
        Assert.Equal("seconds", seconds["name"]!.GetValue<string>());
        Assert.Equal("float", seconds["type"]!.GetValue<string>());
        Assert.False(seconds["required"]!.GetValue<bool>());
        Assert.Equal(1.0, seconds["default"]!.GetValue<double>());
        Assert.Equal("utility.sleep", wait["aliases"]![0]!["name"]!.GetValue<string>());

        var log = types.Single(t => t!["type"]!.GetValue<string>() == "utility.log")!;
        Assert.True(log["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "message")!["required"]!.GetValue<bool>());
        Assert.True(types.Single(t => t!["type"]!.GetValue<string>() == "playbook.run")!["allow_additional_parameters"]!.GetValue<bool>());

        var utility = (await api.Client.GetJsonAsync("/api/v1/step-types?category=utility")).AsArray();
        Assert.All(utility, t => Assert.Equal("utility", t!["category"]!.GetValue<string>()));
        Assert.Contains(utility, t => t!["type"]!.GetValue<string>() == "utility.set_variable");
    }

    [Fact]
    public void The_api_runs_on_the_core_registrations()
    {
        var services = api.Factory.Services;
        var registry = services.GetRequiredService<StepPluginRegistry>();
        Assert.Same(registry, services.GetRequiredService<IStepCatalog>());
        Assert.IsType<PlaybookLoader>(services.GetRequiredService<IPlaybookLoader>());
        Assert.IsType<PlaybookEngine>(services.GetRequiredService<IPlaybookEngine>());
    }

    /// <summary>The master plan's phase 4.2 lists 21 step types; every one is offered (with more beside them).</summary>
    [Fact]
    public async Task The_21_step_types_of_the_plan_are_all_in_the_catalogue()
    {
        string[] plan =
        [
            "gateway.login", "gateway.logout", "gateway.restart", "gateway.wait_for_ready", "gateway.health_check",
            "gateway.list_projects", "gateway.backup", "gateway.restore",
            "perspective.navigate", "perspective.click", "perspective.fill", "perspective.verify", "perspective.screenshot",
            "utility.wait", "utility.log", "utility.set_variable", "playbook.run", "ai.assist", "ai.generate", "ai.validate",
            "debug.breakpoint",
        ];
        var names = (await api.Client.GetJsonAsync("/api/v1/step-types")).AsArray()
            .Select(t => t!["type"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(21, plan.Length);
        Assert.All(plan, t => Assert.Contains(t, names));
    }

    [Fact]
    public async Task Plugin_errors_are_empty_with_a_clean_plugins_folder()
    {
        var errors = await api.Client.GetJsonAsync("/api/v1/step-types/errors");
        Assert.Empty(errors["plugin_errors"]!.AsArray());
    }

    [Fact]
    public async Task A_broken_plugin_assembly_is_reported_and_the_built_in_types_still_load()
    {
        var plugins = Path.Combine(api.Root, "broken-plugins");
        Directory.CreateDirectory(plugins);
        var broken = Path.Combine(plugins, "Broken.Steps.dll");
        File.WriteAllText(broken, "this is not an assembly");
        await using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("Toolkit:PluginsDirectory", plugins));
        using var client = api.Authorize(factory.CreateClient());

        var errors = (await client.GetJsonAsync("/api/v1/step-types/errors"))["plugin_errors"]!.AsArray();
        var error = Assert.Single(errors)!.GetValue<string>();
        Assert.Contains(broken, error);
        Assert.Contains("cannot load plugin assembly", error);

        using var types = await client.GetAsync("/api/v1/step-types");
        Assert.Equal(HttpStatusCode.OK, types.StatusCode);
        Assert.Contains((await types.ReadJsonAsync()).AsArray(), t => t!["type"]!.GetValue<string>() == "utility.log");
    }

    [Fact]
    public async Task A_step_type_switched_off_on_the_deployment_is_listed_with_the_setting_that_switched_it_off()
    {
        var python = (await api.Client.GetJsonAsync("/api/v1/step-types")).AsArray()
            .Single(t => t!["type"]!.GetValue<string>() == "utility.python")!;
        Assert.Null(python["disabled_reason"]?.GetValue<string>());

        await using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("Toolkit:Python:Enabled", "false"));
        using var client = api.Authorize(factory.CreateClient());
        var disabled = (await client.GetJsonAsync("/api/v1/step-types")).AsArray()
            .Single(t => t!["type"]!.GetValue<string>() == "utility.python")!;
        Assert.Contains("Toolkit:Python:Enabled is false", disabled["disabled_reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
