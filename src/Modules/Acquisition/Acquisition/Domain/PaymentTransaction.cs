namespace Modular.Acquisition.Domain;

/// <summary>
/// One authorization asked for by a caller, unique per (merchant, reference): a repeated request finds this record and
/// gets its outcome again. The card token is kept so the authorizer can ask the network again after a crash (the
/// network is idempotent per reference, so that is never a second charge); of the card itself only BIN and last four.
/// </summary>
internal sealed class PaymentTransaction
{
    private PaymentTransaction()
    {
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid Reference { get; private set; }
    public long Amount { get; private set; }
    public string CardToken { get; private set; } = "";
    public string? CardBin { get; private set; }
    public string? CardLast4 { get; private set; }
    public PaymentStatus Status { get; private set; }
    public string? ApprovalNumber { get; private set; }
    public string? DeclineCode { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public DateTime? DeclinedAt { get; private set; }
    public DateTime? CanceledAt { get; private set; }

    /// <summary>The caller's endpoint its answer is sent to; null on payments stored before answers were addressed.</summary>
    public string? AnswerTo { get; private set; }

    /// <summary>Until when an authorizer owns the network call; a crashed owner's lease runs out and another takes over.</summary>
    public DateTime? LeasedUntil { get; private set; }

    /// <summary>Bumped by every change: the read side keeps the highest version, and concurrent writers conflict.</summary>
    public int Version { get; private set; }

    public static PaymentTransaction Request(Merchant merchant, Guid reference, long amount, string cardToken, Uri answerTo, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        MerchantId = merchant.Id,
        OrganizationId = merchant.OrganizationId,
        Reference = reference,
        Amount = amount,
        CardToken = cardToken,
        AnswerTo = answerTo.ToString(),
        Status = PaymentStatus.Pending,
        RequestedAt = now,
        Version = 1,
    };

    /// <summary>A request the PG refuses itself, without asking the network (e.g. a suspended merchant).</summary>
    public static PaymentTransaction Refuse(
        Merchant merchant, Guid reference, long amount, string cardToken, Uri answerTo, string code, string reason, DateTime now)
    {
        var payment = Request(merchant, reference, amount, cardToken, answerTo, now);
        payment.Decline(card: null, code, reason, now);
        return payment;
    }

    public bool IsPending => Status == PaymentStatus.Pending;

    public void Approve(MaskedCard card, string approvalNumber, DateTime now)
    {
        EnsurePending();
        Remember(card);
        ApprovalNumber = approvalNumber;
        ApprovedAt = now;
        Change(PaymentStatus.Approved);
    }

    public void Decline(MaskedCard? card, string code, string reason, DateTime now)
    {
        EnsurePending();
        Remember(card);
        DeclineCode = code;
        DeclineReason = reason;
        DeclinedAt = now;
        Change(PaymentStatus.Declined);
    }

    public void RecordNoAnswer()
    {
        EnsurePending();
        Change(PaymentStatus.NoAnswer);
    }

    /// <summary>A repeated request after a timeout asks the network again; true when it does.</summary>
    public bool RetryAfterNoAnswer()
    {
        if (Status != PaymentStatus.NoAnswer)
        {
            return false;
        }

        LeasedUntil = null;
        Change(PaymentStatus.Pending);
        return true;
    }

    /// <summary>Voids an approved payment; false when there is no approval to void. Canceling twice keeps the first time.</summary>
    public bool Cancel(DateTime now)
    {
        if (Status == PaymentStatus.Canceled)
        {
            return true;
        }

        if (Status != PaymentStatus.Approved)
        {
            return false;
        }

        CanceledAt = now;
        Change(PaymentStatus.Canceled);
        return true;
    }

    private void Remember(MaskedCard? card)
    {
        CardBin = card?.Bin;
        CardLast4 = card?.Last4;
    }

    private void Change(PaymentStatus status)
    {
        Status = status;
        Version++;
    }

    private void EnsurePending()
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Id} is {Status}, no longer waiting for the card network.");
        }
    }
}
