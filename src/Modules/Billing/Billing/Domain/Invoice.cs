using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Domain;

/// <summary>
/// An invoice (one per organization and month) or a credit note correcting an issued one. Only a Draft changes its lines;
/// once Issued the amounts are immutable and a correction is a credit note (negative amounts, issued at once).
/// </summary>
internal sealed class Invoice
{
    private Invoice()
    {
    }

    public Guid Id { get; private init; }
    public InvoiceKind Kind { get; private init; }
    public Guid OrganizationId { get; private init; }
    public string CustomerName { get; private set; } = "";
    public DateOnly Month { get; private init; }
    public InvoiceStatus Status { get; private set; }
    public long Subtotal { get; private set; }
    public long Vat { get; private set; }
    public long Total { get; private set; }
    public Guid? CorrectsId { get; private init; }
    public string? Reason { get; private init; }
    public string? SendFailure { get; private set; }
    public int Version { get; private set; }
    public DateTime CreatedAt { get; private init; }
    public DateTime? IssuedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines { get; private set; } = [];

    public static Invoice Draft(Guid organizationId, string customerName, DateOnly month, IReadOnlyList<InvoiceLine> lines, DateTime now)
    {
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(), Kind = InvoiceKind.Invoice, OrganizationId = organizationId, Month = FirstDayOf(month),
            Status = InvoiceStatus.Draft, CreatedAt = now,
        };
        invoice.Replace(customerName, lines, now);
        return invoice;
    }

    /// <summary>Regeneration: a Draft takes the new lines (false when nothing changed); any other status keeps its own.</summary>
    public bool Regenerate(string customerName, IReadOnlyList<InvoiceLine> lines, DateTime now)
    {
        if (Status != InvoiceStatus.Draft || (customerName == CustomerName && lines.SequenceEqual(Lines)))
        {
            return false;
        }

        Replace(customerName, lines, now);
        return true;
    }

    public void Issue(DateTime now)
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new DomainException(InvoiceRules.NotDraft(Id, Status));
        }

        Status = InvoiceStatus.Issued;
        IssuedAt = now;
        Touch(now);
    }

    /// <summary>Whether a dispatch may mail it: issued, or a send that failed before.</summary>
    public bool IsSendable => Status is InvoiceStatus.Issued or InvoiceStatus.SendFailed;

    public void MarkSent(DateTime now)
    {
        if (!IsSendable)
        {
            throw new DomainException(InvoiceRules.NotSendable(Id, Status));
        }

        Status = InvoiceStatus.Sent;
        SentAt = now;
        SendFailure = null;
        Touch(now);
    }

    public void MarkSendFailed(string reason, DateTime now)
    {
        if (!IsSendable)
        {
            throw new DomainException(InvoiceRules.NotSendable(Id, Status));
        }

        Status = InvoiceStatus.SendFailed;
        SendFailure = reason;
        Touch(now);
    }

    public void MarkVoid(DateTime now)
    {
        if (Status is InvoiceStatus.Sent or InvoiceStatus.Void)
        {
            throw new DomainException(InvoiceRules.CannotVoid(Id, Status));
        }

        Status = InvoiceStatus.Void;
        Touch(now);
    }

    /// <summary>A credit note for part (or all) of this issued invoice's subtotal: negative amounts, issued at once.</summary>
    public Invoice CreditNote(long amount, string reason, DateTime now)
    {
        if (Kind != InvoiceKind.Invoice || Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            throw new DomainException(InvoiceRules.NotCreditable(Id, Status));
        }

        if (amount <= 0 || amount > Subtotal)
        {
            throw new DomainException(InvoiceRules.CreditOutOfRange(Subtotal));
        }

        var note = new Invoice
        {
            Id = Guid.CreateVersion7(), Kind = InvoiceKind.CreditNote, OrganizationId = OrganizationId, Month = Month, CorrectsId = Id,
            Reason = reason, Status = InvoiceStatus.Issued, CreatedAt = now, IssuedAt = now,
        };
        note.Replace(CustomerName, [new InvoiceLine(1, "", "credit", "KRW", null, 1, -amount, -amount)], now);
        return note;
    }

    private void Replace(string customerName, IReadOnlyList<InvoiceLine> lines, DateTime now)
    {
        CustomerName = customerName;
        Lines = lines.ToList();
        Subtotal = lines.Aggregate(0L, (sum, line) => checked(sum + line.Amount));
        Vat = Subtotal >= 0 ? InvoiceAmounts.Vat(Subtotal) : -InvoiceAmounts.Vat(-Subtotal);
        Total = checked(Subtotal + Vat);
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    public static DateOnly FirstDayOf(DateOnly month) => new(month.Year, month.Month, 1);
}
