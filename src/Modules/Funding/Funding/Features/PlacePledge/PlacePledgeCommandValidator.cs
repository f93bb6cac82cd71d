using FluentValidation;
using Modular.Funding.Domain;

namespace Modular.Funding.Features.PlacePledge;

internal sealed class PlacePledgeCommandValidator : AbstractValidator<PlacePledgeCommand>
{
    public PlacePledgeCommandValidator()
    {
        RuleFor(command => command.Amount).NotNull().When(command => command.TierId is null)
            .WithMessage("A pledge without a reward names its amount.");
        RuleFor(command => command.Amount).InclusiveBetween(FundingLimits.MinPledge, FundingLimits.MaxPledge).When(command => command.Amount is not null);
        RuleFor(command => command.CardToken).NotEmpty().MaximumLength(200);
        RuleFor(command => command.IdempotencyKey).MaximumLength(200);
    }
}
