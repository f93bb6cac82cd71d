using Microsoft.AspNetCore.Http;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.BuildingBlocks.Web.Security;

/// <summary>Reads the <c>Idempotency-Key</c> header of the current HTTP request.</summary>
internal sealed class HttpIdempotencyKey(IHttpContextAccessor accessor) : IIdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public string? Value => accessor.HttpContext?.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } key ? key : null;
}
