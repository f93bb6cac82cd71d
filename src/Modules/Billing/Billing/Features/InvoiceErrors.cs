using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Features;

internal static class InvoiceErrors
{
    /// <summary>Also another tenant's invoice: a customer learns nothing about ids that are not its own.</summary>
    public static DomainException NotFound(Guid id) => new(Error.NotFound("billing.invoice_not_found", $"Invoice {id} does not exist."));

    public static readonly Error GenerationConflict = Error.Conflict(
        "billing.generation_conflict", "Another generation created this month's invoice at the same time; generate again.");
}
