using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.IssueInvoices;

internal static class IssueInvoicesEndpoint
{
    public static void MapIssueInvoices(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/invoices/issues", async (IssueInvoicesCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .WithSummary("Issue a month's draft invoices (all, or the listed ids)")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator);
}
