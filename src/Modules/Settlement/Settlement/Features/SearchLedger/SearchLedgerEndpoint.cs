using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.SearchLedger;

internal static class SearchLedgerEndpoint
{
    public static void MapSearchLedger(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/settlement/ledger", async (
                DateTime? requestedFrom, DateTime? requestedTo, DateTime? submittedFrom, DateTime? submittedTo, string? pg, string? payMethod,
                string? serviceType, string? submitType, string? transactionType, Guid? before, int? limit, IMediator mediator,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new SearchLedgerQuery(
                    new LedgerFilterInput(requestedFrom, requestedTo, submittedFrom, submittedTo, pg, payMethod, serviceType, submitType, transactionType),
                    before, PageLimit.Clamp(limit)),
                cancellationToken)))
            .WithSummary("Search ledger rows (request and submit date ranges, PG, pay method, service, submit and transaction type; keyset)")
            .RequireAnyRole(SettlementRoles.LedgerReaders);
}
