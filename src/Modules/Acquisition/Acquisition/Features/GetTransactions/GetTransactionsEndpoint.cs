using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetTransactions;

internal static class GetTransactionsEndpoint
{
    /// <summary>Operators see every merchant's transactions; merchant staff only their organization's (whatever merchantId they pass).</summary>
    public static void MapGetTransactions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/transactions", async (
                DateTime? from, DateTime? to, string? status, Guid? merchantId, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetTransactionsQuery(from, to, status, merchantId, before, PageLimit.Clamp(limit)),
                cancellationToken)))
            .WithSummary("List payment transactions (filters: period, status, merchant; keyset-paged)")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(AcquisitionRoles.Readers);
}
