using FluentValidation;
using Modular.Acquisition.Domain;
using Modular.BuildingBlocks.Web.Uploads;

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
        validator.RuleFor(settings => settings.Name).NotEmpty().WithErrorCode(CellCodes.Required)
            .MaximumLength(200).WithErrorCode(CellCodes.TooLong);
        validator.RuleFor(settings => settings.BusinessRegistrationNumber)
            .Matches("^[0-9]{10}$").WithErrorCode(CellCodes.Format).WithMessage("A business registration number is 10 digits.");
        validator.RuleFor(settings => settings.FeeRate)
            .NotNull().WithErrorCode(CellCodes.Required).WithMessage("A fee rate is required.")
            .GreaterThan(0m).WithErrorCode(CellCodes.OutOfRange)
            .LessThan(Merchant.MaxFeeRateExclusive).WithErrorCode(CellCodes.OutOfRange)
            .WithMessage("A fee rate is a fraction of the amount above 0 and below 0.2 (0.025 or 2.5 % for 2.5 %).")
            .PrecisionScale(6, 5, ignoreTrailingZeros: true).WithErrorCode(CellCodes.Format);
        validator.RuleFor(settings => settings.VatRule).NotEmpty().WithErrorCode(CellCodes.Required)
            .IsEnumName(typeof(VatRule), caseSensitive: false).WithErrorCode(CellCodes.UnknownValue)
            .WithMessage($"The VAT rule is one of {string.Join(", ", Enum.GetNames<VatRule>())}.");
        validator.RuleFor(settings => settings.SettlementCycle).NotEmpty().WithErrorCode(CellCodes.Required)
            .IsEnumName(typeof(SettlementCycle), caseSensitive: false).WithErrorCode(CellCodes.UnknownValue)
            .WithMessage($"The settlement cycle is one of {string.Join(", ", Enum.GetNames<SettlementCycle>())}.");
    }

    public static VatRule ParsedVatRule(this IMerchantSettings settings) => Enum.Parse<VatRule>(settings.VatRule!, ignoreCase: true);

    public static SettlementCycle ParsedSettlementCycle(this IMerchantSettings settings) =>
        Enum.Parse<SettlementCycle>(settings.SettlementCycle!, ignoreCase: true);
}
