using FluentValidation;
using Modular.Settlement.Domain;

namespace Modular.Settlement.Features;

/// <summary>The filters as search and export requests carry them (query string or body); both validate them alike.</summary>
internal sealed record LedgerFilterInput(
    DateTime? RequestedFrom,
    DateTime? RequestedTo,
    DateTime? SubmittedFrom,
    DateTime? SubmittedTo,
    string? Pg,
    string? PayMethod,
    string? ServiceType,
    string? SubmitType,
    string? TransactionType)
{
    public LedgerFilter ToFilter() => new(
        Utc(RequestedFrom), Utc(RequestedTo), Utc(SubmittedFrom), Utc(SubmittedTo),
        Blank(Pg), Blank(PayMethod), Blank(ServiceType), Blank(SubmitType), Blank(TransactionType));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(value.ToUniversalTime()) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Ranges must be ordered; kinds must be known values; free text (PG, pay method) is bounded.</summary>
internal sealed class LedgerFilterInputValidator : AbstractValidator<LedgerFilterInput>
{
    public LedgerFilterInputValidator()
    {
        RuleFor(input => input.RequestedTo).GreaterThan(input => input.RequestedFrom)
            .When(input => input.RequestedFrom is not null && input.RequestedTo is not null).WithMessage("requestedTo must be after requestedFrom.");
        RuleFor(input => input.SubmittedTo).GreaterThan(input => input.SubmittedFrom)
            .When(input => input.SubmittedFrom is not null && input.SubmittedTo is not null).WithMessage("submittedTo must be after submittedFrom.");
        RuleFor(input => input.Pg).MaximumLength(LedgerFilter.MaxTextLength);
        RuleFor(input => input.PayMethod).MaximumLength(LedgerFilter.MaxTextLength);
        RuleFor(input => input.ServiceType).Must(Known(LedgerKinds.ServiceTypes))
            .WithMessage($"serviceType must be one of {string.Join(", ", LedgerKinds.ServiceTypes)}.");
        RuleFor(input => input.SubmitType).Must(Known(LedgerKinds.SubmitTypes))
            .WithMessage($"submitType must be one of {string.Join(", ", LedgerKinds.SubmitTypes)}.");
        RuleFor(input => input.TransactionType).Must(Known(LedgerKinds.TransactionTypes))
            .WithMessage($"transactionType must be one of {string.Join(", ", LedgerKinds.TransactionTypes)}.");
    }

    private static Func<string?, bool> Known(IReadOnlyList<string> values) =>
        value => string.IsNullOrWhiteSpace(value) || values.Contains(value.Trim(), StringComparer.Ordinal);
}
