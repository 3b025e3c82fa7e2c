using System.Net;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Web.Tests.Api;

/// <summary>The Web's client of the API, as <c>AddToolkitWeb</c> registers it, against an API answering 503 over HTTP:
/// a failed read is tried again, a POST (starting an execution, saving a credential) is sent once — sent again after a
/// timeout it could be carried out twice.</summary>
[Trait("Category", "Functional")]
public sealed class ApiClientRetryTests
{
    [Fact]
    public async Task A_post_answered_503_is_sent_once_and_a_get_is_tried_again()
    {
        var counts = new Dictionary<string, int>();
        var api = WebApplication.CreateSlimBuilder();
        api.WebHost.UseUrls("http://127.0.0.1:0");
        await using var fakeApi = api.Build();
        fakeApi.Run(context =>
        {
            lock (counts) counts[context.Request.Method] = counts.GetValueOrDefault(context.Request.Method) + 1;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        await fakeApi.StartAsync();
        var address = fakeApi.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var data = new TempFolder("toolkit-web-retry-");
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        web.Configuration["Toolkit:ApiBaseAddress"] = address;
        web.Configuration["Toolkit:DataDirectory"] = data.Path;
        web.AddToolkitWeb();
        await using var services = web.Services.BuildServiceProvider();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ToolkitApiClient));

        using (var post = await client.PostAsync("api/v1/executions", new StringContent("{}")))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        using (var get = await client.GetAsync("api/v1/executions"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);

        lock (counts)
        {
            Assert.Equal(1, counts.GetValueOrDefault("POST"));
            Assert.Equal(2, counts.GetValueOrDefault("GET"));
        }
    }
}
