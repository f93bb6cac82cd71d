using FluentValidation;

namespace Modular.Acquisition.Features.GetAcquisitionsOfDay;

internal sealed class GetAcquisitionsOfDayValidator : AbstractValidator<Contracts.GetAcquisitionsOfDay>
{
    public GetAcquisitionsOfDayValidator() => RuleFor(query => query.Limit).InclusiveBetween(1, 10_000);
}
