using FluentValidation;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features.UpdateMerchant;

internal sealed class UpdateMerchantCommandValidator : AbstractValidator<UpdateMerchantCommand>
{
    public UpdateMerchantCommandValidator()
    {
        this.ValidateMerchantSettings();
        RuleFor(command => command.Status).NotEmpty().IsEnumName(typeof(MerchantStatus), caseSensitive: false)
            .WithMessage($"The status is one of {string.Join(", ", Enum.GetNames<MerchantStatus>())}.");
    }
}
