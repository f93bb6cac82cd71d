using FluentValidation;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features.GetAcquiringErrors;

internal sealed class GetAcquiringErrorsQueryValidator : AbstractValidator<GetAcquiringErrorsQuery>
{
    public GetAcquiringErrorsQueryValidator() =>
        RuleFor(query => query.Status).IsEnumName(typeof(AcquiringErrorStatus), caseSensitive: true).When(query => query.Status is not null);
}
