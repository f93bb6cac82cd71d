using System.Text.Json;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features;

/// <summary>An acquiring error as operators see it in the list.</summary>
internal sealed record AcquiringErrorSummary(
    Guid Id, Guid TransactionId, string Type, Guid? MerchantId, string Code, IReadOnlyList<string> Codes, string Message, int RetryCount,
    string Status, DateTime FirstSeenAt, DateTime LastSeenAt, DateTime? NextRetryAt, string? Note)
{
    public static AcquiringErrorSummary From(AcquiringError error) => new(
        error.Id, error.TransactionId, error.Kind, error.MerchantId, error.Code, error.Codes, error.Message, error.RetryCount,
        error.Status.ToString(), error.FirstSeenAt, error.LastSeenAt, error.NextRetryAt, error.Note);
}

/// <summary>One acquiring error with every reason and the item as the loop read it.</summary>
internal sealed record AcquiringErrorDetail(AcquiringErrorSummary Error, JsonElement Reasons, JsonElement Payload, DateTime? AlertedAt, DateTime? ClosedAt)
{
    public static AcquiringErrorDetail From(AcquiringError error) => new(
        AcquiringErrorSummary.From(error), JsonDocument.Parse(error.Reasons).RootElement.Clone(), JsonDocument.Parse(error.Payload).RootElement.Clone(),
        error.AlertedAt, error.ClosedAt);
}

internal static class AcquiringErrorErrors
{
    public static Modular.BuildingBlocks.Domain.Errors.DomainException NotFound(Guid id) =>
        new(Modular.BuildingBlocks.Domain.Errors.Error.NotFound("acquisition.acquiring_error_not_found", $"Acquiring error {id} was not found."));
}
