namespace Modular.BuildingBlocks.Web.Security;

/// <summary>Access-token settings, section "Jwt". The signing key is a secret: it comes from configuration only.</summary>
public sealed class JwtSettings
{
    public const string Section = "Jwt";

    /// <summary>HMAC-SHA256 needs at least 256 bits of key.</summary>
    public const int MinimumKeyBytes = 32;

    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "modular";

    public string Audience { get; set; } = "modular";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
