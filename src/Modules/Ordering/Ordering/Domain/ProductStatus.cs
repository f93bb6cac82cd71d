namespace Modular.Ordering.Domain;

internal enum ProductStatus
{
    Active,
    Inactive,
}
