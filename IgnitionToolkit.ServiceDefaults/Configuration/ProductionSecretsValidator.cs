using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>
/// In Production (<c>ASPNETCORE_ENVIRONMENT=Production</c>) the service refuses to start when a required setting is
/// missing or a secret still has a well-known default value on a non-loopback host: RabbitMQ's <c>guest:guest</c>,
/// a broker URI without password, a secret registered with <c>RefuseDefaultsInProduction</c>, a missing or placeholder key registered with <c>RequireKeyInProduction</c>, or a PostgreSQL password such as <c>postgres</c>. Other environments are not checked.
/// </summary>
public sealed class ProductionSecretsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<ProductionRequirements>
{
    public const string MessagingKey = "ConnectionStrings:messaging";
    public const string DatabaseKey = "ConnectionStrings:toolkitdb";

    private static readonly string[] DefaultPasswords = ["", "guest", "postgres", "password", "changeme", "admin", "secret"];

    public ValidateOptionsResult Validate(string? name, ProductionRequirements options)
    {
        if (!environment.IsProduction()) return ValidateOptionsResult.Success;
        var rules = new SettingRules();
        foreach (var (key, meaning) in options.Required)
            rules.Check(!string.IsNullOrWhiteSpace(configuration[key]), key, $"must be set in Production ({meaning})");
        foreach (var (key, values) in options.KnownDefaults)
            rules.Check(configuration[key] is not { } value || !values.Contains(value.Trim()), key,
                "has a well-known default value (a development default); set your own secret in Production");
        foreach (var (key, meaning) in options.Keys)
        {
            if (configuration[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)) rules.CheckKey(key, value);
            else rules.Check(false, key, $"must be set in Production ({meaning})");
        }
        CheckBroker(configuration[MessagingKey], rules);
        CheckDatabase(configuration[DatabaseKey], rules);
        return rules.Result();
    }

    private static void CheckBroker(string? value, SettingRules rules)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || IsLoopback(uri.Host)) return;
        var credentials = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(credentials[0]);
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "";
        rules.Check(!(user.Length == 0 || string.Equals(user, "guest", StringComparison.OrdinalIgnoreCase)), MessagingKey,
            $"uses RabbitMQ's default user 'guest' (or none) on host '{uri.Host}'; create a dedicated user for Production");
        rules.Check(!DefaultPasswords.Contains(password, StringComparer.OrdinalIgnoreCase), MessagingKey,
            $"has a missing or well-known default password on host '{uri.Host}'; set a strong password");
    }

    private static void CheckDatabase(string? value, SettingRules rules)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            rules.Check(false, DatabaseKey, "is not a valid connection string (Host=...;Username=...;Password=...)");
            return;
        }
        var host = Read(builder, "Host", "Server") ?? "localhost";
        if (host.Split(',').All(h => IsLoopback(h.Split(':')[0]))) return;
        var password = Read(builder, "Password", "Pwd") ?? "";
        rules.Check(!DefaultPasswords.Contains(password, StringComparer.OrdinalIgnoreCase), DatabaseKey,
            $"has a missing or well-known default password for host '{host}'; set a strong database password");
    }

    private static string? Read(DbConnectionStringBuilder builder, params string[] keys) =>
        keys.Select(k => builder.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => v is not null);

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
