using FluentValidation;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features;

/// <summary>The acquiring settings a merchant is created or updated with (enums arrive as names, so a bad one is a field error).</summary>
internal interface IMerchantSettings
{
    string Name { get; }
    string? BusinessRegistrationNumber { get; }
    decimal? FeeRate { get; }
    string? VatRule { get; }
    string? SettlementCycle { get; }
}

internal static class MerchantSettingsRules
{
    /// <summary>Every field is checked and reported; a missing fee rate is an error, never 0.</summary>
    public static void ValidateMerchantSettings<T>(this AbstractValidator<T> validator)
        where T : IMerchantSettings
    {
        validator.RuleFor(settings => settings.Name).NotEmpty().MaximumLength(200);
        validator.RuleFor(settings => settings.BusinessRegistrationNumber)
            .Matches("^[0-9]{10}$").WithMessage("A business registration number is 10 digits.");
        validator.RuleFor(settings => settings.FeeRate)
            .NotNull().WithMessage("A fee rate is required.")
            .GreaterThan(0m).LessThan(Merchant.MaxFeeRateExclusive)
            .PrecisionScale(6, 5, ignoreTrailingZeros: true);
        validator.RuleFor(settings => settings.VatRule).NotEmpty().IsEnumName(typeof(VatRule), caseSensitive: false)
            .WithMessage($"The VAT rule is one of {string.Join(", ", Enum.GetNames<VatRule>())}.");
        validator.RuleFor(settings => settings.SettlementCycle).NotEmpty().IsEnumName(typeof(SettlementCycle), caseSensitive: false)
            .WithMessage($"The settlement cycle is one of {string.Join(", ", Enum.GetNames<SettlementCycle>())}.");
    }

    public static VatRule ParsedVatRule(this IMerchantSettings settings) => Enum.Parse<VatRule>(settings.VatRule!, ignoreCase: true);

    public static SettlementCycle ParsedSettlementCycle(this IMerchantSettings settings) =>
        Enum.Parse<SettlementCycle>(settings.SettlementCycle!, ignoreCase: true);
}
