namespace Modular.IAM.Domain;

internal enum OrganizationKind
{
    /// <summary>The platform operator itself; its users hold the operator roles.</summary>
    Platform,

    /// <summary>A merchant selling on the platform; its users hold MerchantAdmin or MerchantUser.</summary>
    Merchant,

    /// <summary>A customer that is billed (a recipient of invoices through its contacts); it has no users.</summary>
    BillingCustomer,
}

internal enum OrganizationStatus
{
    Active,
    Suspended,
}

internal enum UserStatus
{
    Invited,
    Active,
    Disabled,
}
