using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary><c>API_REPLICAS</c> starts several API instances behind the one API endpoint; a bad value is refused plainly.</summary>
[Trait("Category", "Functional")]
public sealed class ApiReplicasTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("3", 3)]
    public async Task Api_replicas_sets_the_number_of_api_instances(string? replicas, int expected)
    {
        var args = TestSettings.AppHostArgs(Path.GetTempPath(), "replicas-test");
        if (replicas is not null) args = [.. args, $"API_REPLICAS={replicas}"];
        using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.IgnitionToolkit_AppHost>(args);
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        var annotation = api.Annotations.OfType<ReplicaAnnotation>().SingleOrDefault();
        Assert.Equal(expected, annotation?.Replicas ?? 1);
        // the other services stay single: the Runners scale by starting more of them, the Web holds sign-in state
        Assert.All(builder.Resources.OfType<ProjectResource>().Where(r => r.Name != "api"),
            r => Assert.Equal(1, r.Annotations.OfType<ReplicaAnnotation>().SingleOrDefault()?.Replicas ?? 1));
    }

    [Fact]
    public async Task An_invalid_replica_count_stops_the_app_host_with_a_plain_message()
    {
        var result = await AppHostProcess.RunAsync(["--publisher", "manifest", "--output-path", Path.Combine(Path.GetTempPath(), $"m-{Guid.NewGuid():N}.json"), "API_REPLICAS=many"],
            new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("API_REPLICAS is 'many'; expected a number of API instances from 1 to 16.", result.Output);
    }
}
