using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>Small login budgets: 3 failures per user, 6 per client, per 5 minutes. Failures are counted in fixed
/// windows, so the API's clock stands still in the middle of one (150 s to its end): the test's attempts all fall in
/// the same window however long the machine takes.</summary>
[Trait("Category", "Functional")]
public sealed class LoginLimitApiFixture : ApiFixture
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public FakeTimeProvider Clock { get; } = new(MiddleOfAWindow());

    protected override FakeTimeProvider ManualClock => Clock;

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.UseSetting("Toolkit:Auth:LoginAttemptsPerUser", "3");
        builder.UseSetting("Toolkit:Auth:LoginAttemptsPerClient", "6");
        builder.UseSetting("Toolkit:Auth:LoginWindow", Window.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Halfway through the previous window: a few minutes ago, so the API's tokens are valid on any clock.</summary>
    private static DateTimeOffset MiddleOfAWindow()
    {
        var size = (long)Window.TotalMilliseconds;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / size * size - size;
        return DateTimeOffset.FromUnixTimeMilliseconds(start + size / 2);
    }
}

[Trait("Category", "Functional")]
public sealed class LoginLimitTests(LoginLimitApiFixture api) : IClassFixture<LoginLimitApiFixture>
{
    [Fact]
    public async Task Failed_logins_are_limited_per_user_and_per_client_with_Retry_After()
    {
        using (await api.CreateUserClientAsync("viewer", "victim", "victim-password")) { }
        using (await api.CreateUserClientAsync("viewer", "bystander", "bystander-password")) { }

        for (var i = 0; i < 3; i++)
            using (var failed = await api.LoginAsync("victim", "guess-" + i)) Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        using (var limited = await api.LoginAsync("victim", "victim-password"))
        {
            await AuthTestTools.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
            var retry = limited.Headers.RetryAfter?.Delta;
            Assert.NotNull(retry);
            Assert.InRange(retry!.Value.TotalSeconds, 1, 300);
        }
        // another user from the same client still signs in
        using (var other = await api.LoginAsync("bystander", "bystander-password")) Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // the client's own budget (6 failures) ends every login from it
        for (var i = 0; i < 3; i++)
            using (var failed = await api.LoginAsync("ghost-" + i, "guess")) Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        using var blocked = await api.LoginAsync("bystander", "bystander-password");
        await AuthTestTools.AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests);
        Assert.NotNull(blocked.Headers.RetryAfter);

        var audit = await api.Client.GetJsonAsync("/api/v1/audit?action=login.failed&user=victim");
        Assert.Equal(3, audit["total_count"]!.GetValue<int>());
    }
}
