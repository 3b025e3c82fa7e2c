using IgnitionToolkit.Core.Security;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Hosting.Bus;

/// <summary>How a host waits for and lets go of the bus.</summary>
/// <param name="WaitUntilStarted">True: the host starts only once the broker answered (the Runner); false: it serves
/// at once and the bus connects in the background (the API, unless <c>Toolkit:Bus:WaitUntilStarted</c>).</param>
/// <param name="StopTimeout">How long stopping the bus may take when the host stops.</param>
public sealed record ToolkitBusHosting(bool WaitUntilStarted, TimeSpan StopTimeout);

/// <summary>
/// The one bus wiring of the toolkit (API and Runner): MassTransit on RabbitMQ at <see cref="BrokerAddress"/>, the
/// <see cref="BusEndpoints"/> prefix on every published message's exchange, the same message retry, endpoints of the
/// registered consumers, and the settings the bus cannot run without in Production. Each host adds its own consumers
/// (and endpoints it configures by hand); this class knows no message type. No outbox: a Runner publishes events as
/// they happen and the API applies them idempotently by sequence number, so a lost duplicate changes nothing.
/// </summary>
public static class ToolkitBus
{
    /// <summary>Intervals of the message retry every consumer gets (milliseconds): transient database or broker hiccups.</summary>
    public static readonly int[] RetryIntervals = [100, 500, 1000, 2000];

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <param name="consumers">Adds the host's consumers (with <c>.Endpoint(...)</c> names, or excluded from
    /// <c>ConfigureEndpoints</c> when <paramref name="endpoints"/> configures them); gets the bus prefix.</param>
    /// <param name="endpoints">Receive endpoints the host configures by hand (e.g. a queue per Runner).</param>
    public static IHostApplicationBuilder AddToolkitBus(this IHostApplicationBuilder builder, ToolkitBusHosting hosting,
        Action<IBusRegistrationConfigurator, string?> consumers,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator, string?>? endpoints = null)
    {
        var configuration = builder.Configuration;
        var prefix = configuration[BusEndpoints.PrefixKey];
        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // MassTransit would report usage to its vendor: nothing leaves a plant's network unasked
            consumers(x, prefix);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseBroker(BrokerAddress.From(configuration));
                cfg.UseBusPrefix(prefix);
                cfg.UseMessageRetry(r => r.Intervals(RetryIntervals));
                endpoints?.Invoke(context, cfg, prefix);
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = hosting.WaitUntilStarted;
            o.StartTimeout = StartTimeout;
            o.StopTimeout = hosting.StopTimeout;
        });
        builder.Services.RequireBusSettingsInProduction();
        return builder;
    }

    /// <summary>The broker's host, port, virtual host, credentials and TLS.</summary>
    public static void UseBroker(this IRabbitMqBusFactoryConfigurator cfg, BrokerAddress broker) =>
        cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h =>
        {
            if (broker.Username is { } user) h.Username(user);
            if (broker.Password is { } password) h.Password(password);
            if (broker.UseTls) h.UseSsl(s => s.ServerName = broker.Host);
        });

    /// <summary>Puts the <see cref="BusEndpoints.EntityPrefix"/> in front of the exchanges of published messages (queue
    /// names take it through <see cref="BusEndpoints"/>).</summary>
    public static void UseBusPrefix(this IBusFactoryConfigurator configurator, string? prefix)
    {
        var entityPrefix = BusEndpoints.EntityPrefix(prefix);
        if (entityPrefix.Length == 0) return;
        configurator.MessageTopology.SetEntityNameFormatter(
            new PrefixEntityNameFormatter(configurator.MessageTopology.EntityNameFormatter, entityPrefix));
    }

    /// <summary>What every bus host needs in Production: the broker URI and the key sealing credentials on the bus.</summary>
    public static IServiceCollection RequireBusSettingsInProduction(this IServiceCollection services) => services
        .RequireInProduction(BrokerAddress.SettingKey, "the RabbitMQ URI, amqps://user:password@host:5671/vhost")
        .RequireKeyInProduction(CredentialTransport.ConfigurationKey,
            "the key that seals credentials between the API and the Runners, the same on both, base64 of 32 bytes");
}
