using FluentValidation;

namespace Modular.IAM.Features.RegisterCustomer;

internal sealed class RegisterCustomerCommandValidator : AbstractValidator<RegisterCustomerCommand>
{
    public RegisterCustomerCommandValidator()
    {
        RuleFor(command => command.Email).IsEmailAddress();
        RuleFor(command => command.Password).IsAcceptablePassword();
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
    }
}
