using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.BuildingBlocks.Web.Security;

/// <summary>JWT bearer authentication and one named policy per role, shared by every module's endpoints.</summary>
public static class PlatformAuthentication
{
    public static IServiceCollection AddPlatformAuthentication(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        var key = SigningKey.From(settings, environment);
        services.AddSingleton(settings);
        services.AddSingleton(key);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IIdempotencyKey, HttpIdempotencyKey>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = key.Value,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = PlatformClaims.Subject,
                RoleClaimType = PlatformClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });

        var authorization = services.AddAuthorizationBuilder();
        // PlatformAdmin passes every role's policy but the shopper's: nobody places or cancels orders in a shopper's
        // name, an admin included (docs/roles.md).
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role == Roles.Customer ? [role] : [role, Roles.PlatformAdmin]));
        }

        return services;
    }

    /// <summary>Allows callers holding any of <paramref name="roles"/> (PlatformAdmin always: this is for staff and readers, not the shopper-only endpoints).</summary>
    public static TBuilder RequireAnyRole<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles.Append(Roles.PlatformAdmin).Distinct()) });
}
