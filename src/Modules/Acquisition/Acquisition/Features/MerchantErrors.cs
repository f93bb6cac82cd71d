using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Features;

internal static class MerchantErrors
{
    /// <summary>Also the answer for another organization's merchant, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid merchantId) =>
        new(Error.NotFound("acquisition.merchant_not_found", $"Merchant {merchantId} was not found."));

    /// <summary>409 when another merchant (not <paramref name="self"/>) has the registration number, or the name in the organization.</summary>
    public static async Task EnsureUniqueAsync(
        this AcquisitionDbContext db, Guid? self, Guid organizationId, string name, string? businessRegistrationNumber, CancellationToken cancellationToken)
    {
        if (businessRegistrationNumber is not null
            && await db.Merchants.AnyAsync(m => m.Id != self && m.BusinessRegistrationNumber == businessRegistrationNumber, cancellationToken))
        {
            throw new DomainException(Error.Conflict(
                "acquisition.registration_number_taken", $"Another merchant has business registration number {businessRegistrationNumber}."));
        }

        if (await db.Merchants.AnyAsync(m => m.Id != self && m.OrganizationId == organizationId && m.Name == name, cancellationToken))
        {
            throw new DomainException(Error.Conflict("acquisition.merchant_name_taken", $"The organization already has a merchant named '{name}'."));
        }
    }
}
