using Modular.Billing.Contracts;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Billing.ReadModels;

/// <summary>An invoice as the list screen and a dispatch selection need it; the highest <see cref="Version"/> wins.</summary>
internal sealed class InvoiceDocument : IReadDocument
{
    public Guid Id { get; init; }
    public string Kind { get; set; } = "";
    public Guid OrganizationId { get; set; }
    public string CustomerName { get; set; } = "";
    public DateOnly Month { get; set; }
    public string Status { get; set; } = "";
    public long Subtotal { get; set; }
    public long Vat { get; set; }
    public long Total { get; set; }
    public int Lines { get; set; }
    public Guid? CorrectsId { get; set; }
    public string? SendFailure { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static InvoiceDocument Of(Guid id, InvoiceDocument? existing, InvoiceChanged change)
    {
        var invoice = existing ?? new InvoiceDocument { Id = id };
        if (existing is not null && change.Version <= existing.Version)
        {
            return existing;
        }

        invoice.Kind = change.Kind;
        invoice.OrganizationId = change.OrganizationId;
        invoice.CustomerName = change.CustomerName;
        invoice.Month = change.Month;
        invoice.Status = change.Status;
        invoice.Subtotal = change.Subtotal;
        invoice.Vat = change.Vat;
        invoice.Total = change.Total;
        invoice.Lines = change.Lines;
        invoice.CorrectsId = change.CorrectsId;
        invoice.SendFailure = change.SendFailure;
        invoice.IssuedAt = change.IssuedAt;
        invoice.SentAt = change.SentAt;
        invoice.Version = change.Version;
        invoice.UpdatedAt = change.At;
        return invoice;
    }
}
