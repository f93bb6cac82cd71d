using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.CreateCreditNote;

internal static class CreateCreditNoteEndpoint
{
    public static void MapCreateCreditNote(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/invoices/{invoiceId:guid}/credit-notes", async (
                Guid invoiceId, CreditNoteRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var note = await mediator.Send(new CreateCreditNoteCommand(invoiceId, request.Amount, request.Reason ?? ""), cancellationToken);
                return TypedResults.Created($"/api/billing/invoices/{note.Id}", note);
            })
            .WithSummary("Correct an issued invoice with a credit note")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator);

    internal sealed record CreditNoteRequest(long Amount, string? Reason);
}
