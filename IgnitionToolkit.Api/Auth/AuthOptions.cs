using System.Text;
using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Auth;

/// <summary>Section <c>Toolkit:Auth</c>: JWT signing, the first admin, and the login attempt limits.</summary>
public sealed class AuthOptions
{
    public const string Section = "Toolkit:Auth";
    public const string SigningKeyKey = Section + ":SigningKey";
    public const string AdminUserKey = Section + ":AdminUser";
    public const string AdminPasswordKey = Section + ":AdminPassword";
    public const int MinimumKeyBytes = 32;
    public const int MinimumPasswordLength = 8;

    /// <summary>Development defaults (AppHost, <c>appsettings.Development.json</c>); Production refuses them.</summary>
    public const string DevelopmentSigningKey = "ignition-toolkit-development-signing-key-not-for-production";
    public const string DevelopmentAdminPassword = "toolkit-dev-admin";

    /// <summary>HMAC-SHA256 key of the access tokens (UTF-8, at least 32 bytes). Missing outside Production: a random key per start.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "ignition-toolkit";
    public string Audience { get; set; } = "ignition-toolkit";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The first admin, created at start-up when no admin exists yet.</summary>
    public string AdminUser { get; set; } = "admin";
    public string? AdminPassword { get; set; }

    /// <summary>Failed logins allowed per user name in <see cref="LoginWindow"/> before 429.</summary>
    public int LoginAttemptsPerUser { get; set; } = 5;
    /// <summary>Failed logins allowed per client IP in <see cref="LoginWindow"/> before 429.</summary>
    public int LoginAttemptsPerClient { get; set; } = 20;
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an API instance keeps a user's security stamp and role in memory when checking tokens. A change
    /// made through another API instance takes effect here within this time; 0 reads the database on every request.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public static void Rules(AuthOptions o, SettingRules rules)
    {
        rules.Check(o.SigningKey is null || Encoding.UTF8.GetByteCount(o.SigningKey) >= MinimumKeyBytes, SigningKeyKey,
            $"must be at least {MinimumKeyBytes} bytes (e.g. openssl rand -base64 48)");
        rules.Check(!string.IsNullOrWhiteSpace(o.Issuer), Section + ":Issuer", "must not be empty");
        rules.Check(!string.IsNullOrWhiteSpace(o.Audience), Section + ":Audience", "must not be empty");
        rules.Check(o.TokenLifetime >= TimeSpan.FromMinutes(1) && o.TokenLifetime <= TimeSpan.FromDays(7), Section + ":TokenLifetime",
            "must be between 00:01:00 and 7.00:00:00");
        rules.Check(UserNames.IsValid(o.AdminUser), AdminUserKey, UserNames.Rule);
        rules.Check(o.AdminPassword is null || o.AdminPassword.Length >= MinimumPasswordLength, AdminPasswordKey,
            $"must be at least {MinimumPasswordLength} characters");
        rules.AtLeast(o.LoginAttemptsPerUser, 1, Section + ":LoginAttemptsPerUser");
        rules.AtLeast(o.LoginAttemptsPerClient, 1, Section + ":LoginAttemptsPerClient");
        rules.Positive(o.LoginWindow, Section + ":LoginWindow");
        rules.Check(o.UserCacheDuration >= TimeSpan.Zero && o.UserCacheDuration <= TimeSpan.FromMinutes(10), Section + ":UserCacheDuration",
            "must be between 00:00:00 and 00:10:00");
    }
}
