using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features.UpdateMerchant;

internal static class UpdateMerchantEndpoint
{
    /// <summary>Changes the settings or suspends/reactivates; platform admins only. A suspended merchant's payments are declined.</summary>
    public static void MapUpdateMerchant(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/acquisition/merchants/{merchantId:guid}", async (Guid merchantId, UpdateMerchantRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new UpdateMerchantCommand(merchantId, request.Name, request.BusinessRegistrationNumber, request.FeeRate, request.VatRule, request.SettlementCycle, request.Status),
                cancellationToken)))
            .WithSummary("Change a merchant's settings, suspend or reactivate it")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.PlatformAdmin);

    internal sealed record UpdateMerchantRequest(string Name, string? BusinessRegistrationNumber, decimal? FeeRate, string? VatRule, string? SettlementCycle, string? Status);
}
