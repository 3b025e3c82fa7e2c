namespace IgnitionToolkit.Testing;

/// <summary>The real services the functional tests use (started by .ci/services.sh), overridable by environment.</summary>
public static class TestServices
{
    public static string RabbitMq =>
        Environment.GetEnvironmentVariable("TOOLKIT_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672";

    public static string Postgres =>
        Environment.GetEnvironmentVariable("TOOLKIT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
}
