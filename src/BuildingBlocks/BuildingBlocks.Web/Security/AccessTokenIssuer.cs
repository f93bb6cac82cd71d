using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Modular.BuildingBlocks.Web.Security;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs short-lived access tokens with the platform's key; IAM issues them at login.</summary>
public sealed class AccessTokenIssuer(JwtSettings settings, SigningKey key, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(Guid userId, Guid? organizationId, string email, IEnumerable<string> roles)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now.Add(settings.TokenLifetime);
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, userId.ToString()),
            new(PlatformClaims.Email, email),
        };
        if (organizationId is { } organization)
        {
            claims.Add(new Claim(PlatformClaims.Organization, organization.ToString()));
        }

        claims.AddRange(roles.Select(role => new Claim(PlatformClaims.Role, role)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Value, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expiresAt);
    }
}
