using FluentValidation;
using Modular.Billing.Features.ImportUsage;

namespace Modular.Billing.Features.SetPricePlan;

internal sealed class SetPricePlanCommandValidator : AbstractValidator<SetPricePlanCommand>
{
    public SetPricePlanCommandValidator()
    {
        RuleFor(command => command.Product).NotEmpty().MaximumLength(UsageUploadRow.MaxTextLength);
        RuleFor(command => command.UnitPrice).InclusiveBetween(0m, Domain.PricePlan.MaxUnitPrice).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(command => command.MinimumFee).InclusiveBetween(0L, Domain.PricePlan.MaxMinimumFee);
    }
}
