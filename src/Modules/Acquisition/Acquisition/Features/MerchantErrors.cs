using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Features;

internal static class MerchantErrors
{
    /// <summary>Also the answer for another organization's merchant, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid merchantId) =>
        new(Error.NotFound("acquisition.merchant_not_found", $"Merchant {merchantId} was not found."));

    public static readonly Error RegistrationNumberTaken =
        Error.Conflict("acquisition.registration_number_taken", "Another merchant has this business registration number.");

    public static readonly Error NameTaken = Error.Conflict("acquisition.merchant_name_taken", "The organization already has a merchant of this name.");

    /// <summary>The unique indexes a concurrent registration ends on, answered as the same conflicts as the pre-check's.</summary>
    public static readonly IReadOnlyDictionary<string, Error> ByUniqueIndex = new Dictionary<string, Error>
    {
        ["merchants_registration_number"] = RegistrationNumberTaken,
        ["merchants_name_in_organization"] = NameTaken,
    };

    /// <summary>409 when another merchant (not <paramref name="self"/>) has the registration number, or the name in the organization.</summary>
    public static async Task EnsureUniqueAsync(
        this AcquisitionDbContext db, Guid? self, Guid organizationId, string name, string? businessRegistrationNumber, CancellationToken cancellationToken)
    {
        if (businessRegistrationNumber is not null
            && await db.Merchants.AnyAsync(m => m.Id != self && m.BusinessRegistrationNumber == businessRegistrationNumber, cancellationToken))
        {
            throw new DomainException(RegistrationNumberTaken);
        }

        if (await db.Merchants.AnyAsync(m => m.Id != self && m.OrganizationId == organizationId && m.Name == name, cancellationToken))
        {
            throw new DomainException(NameTaken);
        }
    }
}
