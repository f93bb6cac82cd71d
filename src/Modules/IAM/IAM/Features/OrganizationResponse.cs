using Modular.IAM.Domain;

namespace Modular.IAM.Features;

internal sealed record OrganizationResponse(
    Guid Id, string Kind, string Name, string RegistrationNumber, string Status, DateTime CreatedAt, IReadOnlyList<ContactResponse> Contacts)
{
    public static OrganizationResponse From(Organization organization) => new(
        organization.Id, organization.Kind.ToString(), organization.Name, organization.RegistrationNumber, organization.Status.ToString(),
        organization.CreatedAt, organization.Contacts.OrderBy(contact => contact.CreatedAt).Select(ContactResponse.From).ToList());
}

internal sealed record ContactResponse(Guid Id, string Name, string Email, bool IsPrimary)
{
    public static ContactResponse From(Contact contact) => new(contact.Id, contact.Name, contact.Email, contact.IsPrimary);
}
