namespace IgnitionToolkit.Testing;

/// <summary>The real services the tests use (started by .ci/services.sh; <c>scripts/test-broker.sh</c> gives a
/// RabbitMQ virtual host per run), overridable by environment: <c>TOOLKIT_TEST_RABBITMQ</c>, <c>TOOLKIT_TEST_POSTGRES</c>.</summary>
public static class TestServices
{
    public const string RabbitMqVariable = "TOOLKIT_TEST_RABBITMQ";
    public const string PostgresVariable = "TOOLKIT_TEST_POSTGRES";

    /// <summary>The broker as an amqp:// URI (credentials and the run's virtual host included).</summary>
    public static string RabbitMq => Setting(RabbitMqVariable, "amqp://guest:guest@127.0.0.1:5672");

    public static Uri RabbitMqUri => new(RabbitMq);

    /// <summary>The PostgreSQL server (tests create and drop their own databases on it).</summary>
    public static string Postgres => Setting(PostgresVariable, "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres");

    /// <summary>A bus prefix of its own (<c>Toolkit:Bus:Prefix</c>): queues and exchanges no other test shares.</summary>
    public static string NewBusPrefix(string purpose) => $"{purpose}-{Guid.NewGuid().ToString("N")[..12]}";

    private static string Setting(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
