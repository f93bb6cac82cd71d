using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.Contracts;

namespace Modular.IAM.ReadModels;

/// <summary>An organization as the organization list shows it; organizations do not change after creation yet.</summary>
internal sealed record OrganizationDocument(Guid Id, string Kind, string Name, string RegistrationNumber, string Status, DateTimeOffset CreatedAt)
    : IReadDocument
{
    public static OrganizationDocument From(OrganizationRegistered registered) => new(
        registered.OrganizationId, registered.Kind, registered.Name, registered.RegistrationNumber, registered.Status, registered.CreatedAt);
}
