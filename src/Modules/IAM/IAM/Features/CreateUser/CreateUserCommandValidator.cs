using FluentValidation;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.IAM.Features.CreateUser;

internal sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(command => command.Email).IsEmailAddress();
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Password).IsAcceptablePassword();
        RuleFor(command => command.Roles).NotEmpty();
        RuleForEach(command => command.Roles).Must(Roles.IsKnown).WithMessage("Unknown role.");
    }
}
