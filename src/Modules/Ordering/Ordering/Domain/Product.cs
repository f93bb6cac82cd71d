using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Domain;

/// <summary>
/// A product of a merchant's catalog. Its stock is never changed through this object: reservations and restocks are
/// single conditional UPDATEs on the row (see the PlaceOrder and RestockProduct features), so no read-modify-write.
/// </summary>
internal sealed class Product
{
    private Product()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Name { get; private set; } = "";
    public long Price { get; private set; }
    public int Stock { get; private set; }
    public ProductStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Product Create(Guid organizationId, Guid merchantId, string name, long price, int initialStock, DateTime now)
    {
        EnsurePositivePrice(price);
        if (initialStock < 0)
        {
            throw new DomainException(Error.Unprocessable("ordering.invalid_stock", "Stock cannot be negative."));
        }

        if (initialStock > OrderingLimits.MaxStock)
        {
            throw OrderingLimits.Exceeded("stock", OrderingLimits.MaxStock);
        }

        return new Product
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            MerchantId = merchantId,
            Name = name,
            Price = price,
            Stock = initialStock,
            Status = ProductStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Update(string name, long price, ProductStatus status, DateTime now)
    {
        EnsurePositivePrice(price);
        Name = name;
        Price = price;
        Status = status;
        UpdatedAt = now;
    }

    private static void EnsurePositivePrice(long price)
    {
        if (price <= 0)
        {
            throw new DomainException(Error.Unprocessable("ordering.invalid_price", "A price must be positive."));
        }

        if (price > OrderingLimits.MaxPrice)
        {
            throw OrderingLimits.Exceeded("price", OrderingLimits.MaxPrice);
        }
    }
}
