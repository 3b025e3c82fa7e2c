namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>The shared services the functional tests use (environment overrides, else the CI defaults).</summary>
public static class TestEnvironment
{
    public static Uri RabbitMq { get; } = new(Environment.GetEnvironmentVariable("TOOLKIT_TEST_RABBITMQ") is { Length: > 0 } uri
        ? uri : "amqp://guest:guest@127.0.0.1:5672");

    public static string Postgres { get; } = Environment.GetEnvironmentVariable("TOOLKIT_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static string NewPrefix() => "apitest-" + Guid.NewGuid().ToString("N")[..12];
}
