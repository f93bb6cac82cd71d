using FluentValidation;

namespace Modular.Acquisition.Features.RetryAcquiringErrors;

internal sealed class RetryAcquiringErrorsCommandValidator : AbstractValidator<RetryAcquiringErrorsCommand>
{
    public const int MaxIds = 1_000;

    public RetryAcquiringErrorsCommandValidator() =>
        RuleFor(command => command.Ids).NotEmpty().Must(ids => ids.Count <= MaxIds).WithMessage($"At most {MaxIds} errors per request.");
}
