using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Contracts;

// Card authorization, asked for by the storefront modules (Ordering, Funding) and answered by Acquisition.
// They travel through the module outboxes. Reference is the caller's own id (an order or a pledge); Acquisition is
// idempotent per (MerchantId, Reference): a repeated request gets the first outcome again.

/// <summary>
/// Asks for an authorization of <paramref name="Amount"/> KRW on a tokenized card. The answer (PaymentAuthorized or
/// PaymentDeclined) is sent to <paramref name="AnswerTo"/>, the caller's own endpoint, and not published: one module's
/// payments never cost another module's saga a lookup.
/// </summary>
public sealed record AuthorizePayment(Guid MerchantId, Guid Reference, long Amount, string CardToken, Uri AnswerTo);

/// <summary>The card network approved the payment.</summary>
public sealed record PaymentAuthorized(
    Guid PaymentId, Guid MerchantId, Guid Reference, long Amount, string ApprovalNumber, DateTimeOffset ApprovedAt);

/// <summary>The payment was refused; <paramref name="ReasonCode"/> is stable (e.g. <c>card.insufficient_funds</c>).</summary>
public sealed record PaymentDeclined(Guid MerchantId, Guid Reference, string ReasonCode, string Reason, DateTimeOffset DeclinedAt);

/// <summary>Asks to cancel (void) the payment made for <paramref name="Reference"/>.</summary>
public sealed record CancelPayment(Guid MerchantId, Guid Reference);

/// <summary>The approved payment was canceled (a repeated cancel gets this again).</summary>
public sealed record PaymentCanceled(Guid PaymentId, Guid MerchantId, Guid Reference, DateTimeOffset CanceledAt);

/// <summary>The cancel could not be done, e.g. <c>payment.not_found</c> when no approved payment exists for the reference.</summary>
public sealed record PaymentCancelRejected(Guid MerchantId, Guid Reference, string ReasonCode, string Reason);

/// <summary>
/// Which of these payments the card network was asked about and did not answer within Acquisition's answer timeout,
/// counted from the call itself. A payment not listed is still under way (not received yet, waiting to be asked, being
/// asked, or answered with the answer on its way): a caller's own deadline must not call that "no answer".
/// </summary>
public sealed record GetUnansweredPayments(IReadOnlyList<PaymentReference> Payments) : IQuery<IReadOnlySet<PaymentReference>>;

public sealed record PaymentReference(Guid MerchantId, Guid Reference);
