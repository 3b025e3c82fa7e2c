using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Tests.InMemoryBus;

/// <summary>
/// The API with its real services and database (SQLite in a temporary folder) but MassTransit's in-memory test harness
/// in place of RabbitMQ (<c>AddMassTransitTestHarness</c> replaces the transport the API wires and keeps its consumers):
/// for the API's own logic around the bus — what it sends and publishes — with no broker. The real-broker tests
/// (<see cref="ApiFixture"/>) stay for everything that crosses RabbitMQ.
/// </summary>
public sealed class HarnessApiFixture : ApiFixture
{
    public string TransportKey { get; } = Convert.ToBase64String(SecretEnvelope.NewKey());

    protected override bool BrokerAvailable => false; // no FakeRunner on RabbitMQ, nothing to clean there

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.UseSetting(CredentialTransport.ConfigurationKey, TransportKey);
        // Generous limits for a loaded machine; the assertions look only at what the API has sent before its HTTP answer
        // arrived, so no test waits on the harness's timers.
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(x => x.SetTestTimeouts(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(5))));
    }

    public ITestHarness Harness => Factory.Services.GetTestHarness();

    /// <summary>The start command the API sent for <paramref name="id"/> (waits for it).</summary>
    public async Task<StartExecutionSent> SentStartAsync(Guid id)
    {
        Assert.True(await Harness.Sent.Any<StartExecution>(m => m.Context.Message.ExecutionId == id),
            $"no StartExecution was sent for {id}");
        var sent = Harness.Sent.Select<StartExecution>(m => m.Context.Message.ExecutionId == id).ToList();
        return new StartExecutionSent(sent.Count, sent[0].Context.Message, sent[0].Context.DestinationAddress);
    }

    /// <summary>The control commands the API published for <paramref name="id"/>, in order.</summary>
    public List<ControlExecution> PublishedControls(Guid id) =>
        Harness.Published.Select<ControlExecution>(m => m.Context.Message.ExecutionId == id)
            .Select(m => m.Context.Message).ToList();
}

public sealed record StartExecutionSent(int Count, StartExecution Message, Uri? Destination);
