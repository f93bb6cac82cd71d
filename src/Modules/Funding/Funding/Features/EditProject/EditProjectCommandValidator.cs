using FluentValidation;

namespace Modular.Funding.Features.EditProject;

internal sealed class EditProjectCommandValidator : AbstractValidator<EditProjectCommand>
{
    public EditProjectCommandValidator() => Include(new ProjectTermsValidator());
}
