using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Tokens;
using IgnitionToolkit.Api.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Auth;

/// <summary>JWT bearer authentication and API tokens (token in the <c>Authorization</c> header, or <c>access_token</c> in the query for
/// the SignalR hub), the role policies, local users with the first admin from configuration, and the audit trail.</summary>
public static class AuthExtensions
{
    public static WebApplicationBuilder AddToolkitAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddToolkitSettings<AuthOptions>(builder.Configuration, AuthOptions.Section, AuthOptions.Rules);
        services.RequireInProduction(AuthOptions.SigningKeyKey, "the access token signing key, at least 32 bytes");
        services.RequireInProduction(AuthOptions.AdminPasswordKey, "the password of the first admin");
        services.RefuseDefaultsInProduction(AuthOptions.SigningKeyKey, AuthOptions.DevelopmentSigningKey);
        services.RefuseDefaultsInProduction(AuthOptions.AdminPasswordKey, AuthOptions.DevelopmentAdminPassword, "admin", "password", "changeme");

        services.AddHttpContextAccessor();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddScoped<LoginLimiter>(); // counts in the shared database
        services.AddMemoryCache();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<HubSessions>();
        services.Configure<HubOptions>(o => o.AddFilter<HubSessions>()); // closes revoked users' live connections
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<AuditTrail>();
        services.AddHostedService<AdminSeeder>(); // after the migration service (registered by AddToolkitPersistence)

        services.AddToolkitSchemes(); // JWT bearer of signed-in users, or an API token (itk_…): Tokens/ApiTokenAuthentication
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer>((o, tokens) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = tokens.ValidationParameters();
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // Browsers' WebSockets cannot send headers: the hub takes the token from the query string.
                    if (context.HttpContext.Request.Path.StartsWithSegments(LiveExtensions.HubPath)
                        && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
                OnTokenValidated = TokenRevocation.CheckAsync, // deleted, demoted or re-passworded users: 401 at once
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.ViewerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(Roles.Viewer)))
            .AddPolicy(AccessPolicies.OperatorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(Roles.Operator)))
            .AddPolicy(AccessPolicies.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(Roles.Admin)));
        return builder;
    }

    /// <summary>Authentication and authorization after the status-code pages, so 401/403 answers are problem details.</summary>
    public static WebApplication UseToolkitAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
