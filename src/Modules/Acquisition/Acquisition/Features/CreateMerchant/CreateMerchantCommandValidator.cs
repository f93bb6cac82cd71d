using FluentValidation;

namespace Modular.Acquisition.Features.CreateMerchant;

internal sealed class CreateMerchantCommandValidator : AbstractValidator<CreateMerchantCommand>
{
    public CreateMerchantCommandValidator()
    {
        RuleFor(command => command.OrganizationId).NotEmpty();
        this.ValidateMerchantSettings();
    }
}
