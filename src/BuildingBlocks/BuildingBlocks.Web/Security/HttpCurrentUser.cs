using Microsoft.AspNetCore.Http;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.BuildingBlocks.Web.Security;

/// <summary>The caller of the current HTTP request, read from the validated access token.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private System.Security.Claims.ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid UserId => Guid.TryParse(Principal?.FindFirst(PlatformClaims.Subject)?.Value, out var id)
        ? id
        : throw new InvalidOperationException("The request has no authenticated user.");

    public Guid? OrganizationId => Guid.TryParse(Principal?.FindFirst(PlatformClaims.Organization)?.Value, out var id) ? id : null;

    public IReadOnlySet<string> Roles =>
        Principal?.FindAll(PlatformClaims.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal) ?? [];
}
