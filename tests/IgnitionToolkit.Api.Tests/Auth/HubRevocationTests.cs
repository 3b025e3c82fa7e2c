using System.Net;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>The live hub and revoked users: an open connection is closed when the user is deleted, a new one is refused.</summary>
[Trait("Category", "Functional")]
public sealed class HubRevocationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Deleting_a_user_closes_their_open_hub_connection_and_refuses_a_new_one()
    {
        var name = "watcher-" + Guid.NewGuid().ToString("N")[..8];
        using var user = await api.CreateUserClientAsync(Roles.Viewer, name);
        var token = user.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var connection = Connect(token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeList");

        using (var deleted = await api.Client.DeleteAsync($"/api/v1/users/{name}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await using var again = Connect(token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private HubConnection Connect(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Factory.Server.BaseAddress, "hubs/executions"), HttpTransportType.LongPolling, o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();
}
