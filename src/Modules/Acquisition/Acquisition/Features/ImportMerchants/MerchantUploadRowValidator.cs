using FluentValidation;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>The same settings rules as a single registration, so an upload accepts exactly what the form accepts.</summary>
internal sealed class MerchantUploadRowValidator : AbstractValidator<MerchantUploadRow>
{
    public MerchantUploadRowValidator()
    {
        RuleFor(row => row.OrganizationId).NotNull().WithErrorCode(CellCodes.Required).WithMessage("An organization id is required.");
        this.ValidateMerchantSettings();
    }
}
