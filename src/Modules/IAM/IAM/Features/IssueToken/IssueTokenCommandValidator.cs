using FluentValidation;
using Modular.IAM.Domain;

namespace Modular.IAM.Features.IssueToken;

internal sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(command => command.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength);
        RuleFor(command => command.Password).NotEmpty().MaximumLength(Password.MaximumLength);
    }
}
