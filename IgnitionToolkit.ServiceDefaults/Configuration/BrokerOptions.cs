namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Section <c>Toolkit:Bus</c> plus the <c>messaging</c> connection string: how the service reaches RabbitMQ.</summary>
public sealed class BrokerOptions
{
    public const string Section = "Toolkit:Bus";
    public const string MessagingKey = "ConnectionStrings:messaging";

    /// <summary>Prefix of every queue and exchange (isolates deployments or test runs sharing one broker).</summary>
    public string? Prefix { get; set; }

    /// <summary>API only: wait for the broker before the API starts serving (default false).</summary>
    public bool WaitUntilStarted { get; set; }

    public static void Rules(BrokerOptions o, SettingRules rules) => rules.Check(
        string.IsNullOrEmpty(o.Prefix) || (o.Prefix.Length <= 100 && o.Prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')),
        $"{Section}:Prefix", "must be at most 100 letters, digits, '-', '_' or '.'");
}
