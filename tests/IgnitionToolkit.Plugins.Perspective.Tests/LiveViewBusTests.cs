using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Runner.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>The Runner's live view publisher puts each frame on the bus as a <see cref="BrowserFrame"/> message.</summary>
[Trait("Category", "Functional")]
public sealed class LiveViewBusTests
{
    [Fact]
    public async Task Frames_are_published_as_BrowserFrame_messages()
    {
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILiveViewPublisher, BusLiveViewPublisher>()
            .AddMassTransitTestHarness()
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var executionId = Guid.NewGuid();
            var jpeg = new byte[150 * 1024];
            jpeg[0] = 0xFF;
            jpeg[1] = 0xD8;
            await provider.GetRequiredService<ILiveViewPublisher>().PublishFrameAsync(executionId, "open", jpeg, 1280, 720, CancellationToken.None);

            Assert.True(await harness.Published.Any<BrowserFrame>(m => m.Context.Message.ExecutionId == executionId));
            var frame = harness.Published.Select<BrowserFrame>().Single().Context.Message;
            Assert.Equal("open", frame.StepPath);
            Assert.Equal(jpeg, frame.Jpeg);
            Assert.Equal((1280, 720), (frame.Width, frame.Height));
        }
        finally
        {
            await harness.Stop();
        }
    }
}
