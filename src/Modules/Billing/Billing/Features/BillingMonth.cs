using System.Globalization;
using FluentValidation;

namespace Modular.Billing.Features;

/// <summary>A billing month as the API writes it, "2026-11", and its first day as stored.</summary>
internal static class BillingMonth
{
    public static DateOnly? TryParse(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000
            ? month
            : null;

    public static DateOnly Parse(string text) => TryParse(text) ?? throw new FormatException($"'{text}' is not a month (yyyy-MM).");

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> IsBillingMonth<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => TryParse(text) is not null).WithErrorCode("format").WithMessage("A month is written yyyy-MM (2026-11).");
}
