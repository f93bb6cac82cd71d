using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetInvoices;

internal static class GetInvoicesEndpoint
{
    public static void MapGetInvoices(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/invoices", async (
                string? month, string? status, Guid? organizationId, long? minTotal, long? maxTotal, Guid? before, int? limit, IMediator mediator,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetInvoicesQuery(month, status, organizationId, minTotal, maxTotal, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List invoices (month, status, customer, total range; keyset) from the read side")
            .RequireAnyRole(BillingRoles.InvoiceReaders);
}
