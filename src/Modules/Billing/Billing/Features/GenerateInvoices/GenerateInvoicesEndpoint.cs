using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GenerateInvoices;

internal static class GenerateInvoicesEndpoint
{
    public static void MapGenerateInvoices(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/invoices/generations", async (GenerateInvoicesCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .WithSummary("Generate (or bring up to date) a month's draft invoices from usage and price plans")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator);
}
