using FluentValidation;

namespace Modular.IAM.Features.AcceptInvitation;

internal sealed class AcceptInvitationCommandValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationCommandValidator()
    {
        RuleFor(command => command.Token).NotEmpty().MaximumLength(100);
        RuleFor(command => command.Password).IsAcceptablePassword();
        RuleFor(command => command.Name).MaximumLength(200);
    }
}
