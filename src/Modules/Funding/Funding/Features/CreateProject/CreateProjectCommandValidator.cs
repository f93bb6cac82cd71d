using FluentValidation;

namespace Modular.Funding.Features.CreateProject;

internal sealed class CreateProjectCommandValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectCommandValidator()
    {
        RuleFor(command => command.MerchantId).NotEmpty();
        Include(new ProjectTermsValidator());
    }
}
