using Microsoft.Extensions.Configuration;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The AppHost's own settings, read once from configuration (appsettings, environment, command line).</summary>
public sealed record ToolkitHostSettings(
    bool IsPublishMode,
    string? MessagingConnectionString,
    string DatabaseProvider,
    string? DatabaseConnectionString,
    int ApiPort,
    int RunnerPort,
    int WebPort,
    int ApiReplicas,
    IReadOnlyDictionary<string, string> PassThrough)
{
    public const string MessagingName = "messaging";
    public const string DatabaseName = "toolkitdb";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>AppHost settings forwarded to the services as environment variables (only when configured):
    /// AppHost key → the services' own key.</summary>
    private static readonly (string From, string To)[] ForwardedKeys =
    [
        ("Toolkit:DataDirectory", "Toolkit:DataDirectory"),
        ("Toolkit:PlaybooksDirectory", "Toolkit:PlaybooksDirectory"),
        ("Toolkit:PluginsDirectory", "Toolkit:PluginsDirectory"),
        ("Toolkit:Bus:Prefix", "Toolkit:Bus:Prefix"),
        ("Toolkit:Runner:MaxConcurrentExecutions", "Runner:MaxConcurrentExecutions"),
    ];

    /// <summary>How many API instances to start (<c>API_REPLICAS</c> or <c>Toolkit:ApiReplicas</c>; default 1): they share
    /// the database and the broker, behind one proxied endpoint (docs/deployment.md).</summary>
    public const string ApiReplicasKey = "API_REPLICAS";

    public bool UsesPostgres => string.Equals(DatabaseProvider, Postgres, StringComparison.OrdinalIgnoreCase);

    public static ToolkitHostSettings From(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = (config["Toolkit:Database"] ?? Sqlite).Trim().ToLowerInvariant();
        if (provider is not (Sqlite or Postgres))
        {
            throw new ToolkitHostingException(
                $"Toolkit:Database (env Toolkit__Database) is '{provider}'; expected '{Sqlite}' or '{Postgres}'.");
        }

        var passThrough = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in ForwardedKeys)
        {
            var value = config[from];
            if (!string.IsNullOrWhiteSpace(value))
            {
                passThrough[to.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        return new ToolkitHostSettings(
            builder.ExecutionContext.IsPublishMode,
            NullIfBlank(config.GetConnectionString(MessagingName)),
            provider,
            NullIfBlank(config.GetConnectionString(DatabaseName)),
            Port(config, "Api", 5080),
            Port(config, "Runner", 5090),
            Port(config, "Web", 5100),
            Replicas(config[ApiReplicasKey] ?? config["Toolkit:ApiReplicas"]),
            passThrough);
    }

    private static int Port(IConfiguration config, string service, int fallback)
    {
        var raw = config[$"Toolkit:Ports:{service}"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? port
            : throw new ToolkitHostingException($"Toolkit:Ports:{service} is '{raw}'; expected a TCP port number (1-65535).");
    }

    private static int Replicas(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return 1;
        return int.TryParse(raw, out var n) && n is >= 1 and <= 16
            ? n
            : throw new ToolkitHostingException($"{ApiReplicasKey} is '{raw}'; expected a number of API instances from 1 to 16.");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
