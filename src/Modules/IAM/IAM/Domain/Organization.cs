using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.IAM.Domain;

internal sealed class Organization
{
    private readonly List<Contact> _contacts = [];

    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string RegistrationNumber { get; private set; } = "";
    public OrganizationStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<Contact> Contacts => _contacts;

    public static Organization Create(OrganizationKind kind, string name, string registrationNumber, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Name = name.Trim(),
        RegistrationNumber = registrationNumber.Trim(),
        Status = OrganizationStatus.Active,
        CreatedAt = now,
    };

    /// <summary>A new primary contact takes the flag from the previous one: an organization has at most one.</summary>
    public Contact AddContact(string name, string email, bool isPrimary, DateTime now)
    {
        if (isPrimary)
        {
            foreach (var contact in _contacts.Where(contact => contact.IsPrimary))
            {
                contact.Demote();
            }
        }

        var added = Contact.Create(Id, name, email, isPrimary || _contacts.Count == 0, now);
        _contacts.Add(added);
        return added;
    }

    /// <summary>Refuses roles that do not belong to an organization of this kind.</summary>
    public void EnsureMayHold(IReadOnlyCollection<string> roles)
    {
        var allowed = Kind switch
        {
            OrganizationKind.Platform => Roles.Operators,
            OrganizationKind.Merchant => [Roles.MerchantAdmin, Roles.MerchantUser],
            OrganizationKind.BillingCustomer => [Roles.BillingCustomer],
            _ => [],
        };
        if (roles.Count == 0 || roles.Any(role => !allowed.Contains(role)))
        {
            throw new DomainException(Error.Unprocessable(
                "iam.role_not_allowed", $"A {Kind} organization's users may hold only: {(allowed.Count == 0 ? "no role" : string.Join(", ", allowed))}."));
        }
    }
}

internal sealed class Contact
{
    private Contact()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool IsPrimary { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Contact Create(Guid organizationId, string name, string email, bool isPrimary, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = organizationId,
        Name = name.Trim(),
        Email = EmailAddress.Normalize(email),
        IsPrimary = isPrimary,
        CreatedAt = now,
    };

    public void Demote() => IsPrimary = false;
}
