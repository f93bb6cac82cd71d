using FluentValidation;

namespace Modular.IAM.Features.CreateOrganization;

internal sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(command => command.Kind).IsInEnum();
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
        RuleFor(command => command.RegistrationNumber).NotEmpty().MaximumLength(50);
    }
}
