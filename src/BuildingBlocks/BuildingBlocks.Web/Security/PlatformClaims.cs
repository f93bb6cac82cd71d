namespace Modular.BuildingBlocks.Web.Security;

/// <summary>Claim names in the platform's access tokens (short JWT names, not the long WS-* URIs).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Organization = "org";
    public const string Role = "role";
}
