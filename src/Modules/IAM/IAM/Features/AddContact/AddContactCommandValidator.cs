using FluentValidation;

namespace Modular.IAM.Features.AddContact;

internal sealed class AddContactCommandValidator : AbstractValidator<AddContactCommand>
{
    public AddContactCommandValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Email).IsEmailAddress();
    }
}
