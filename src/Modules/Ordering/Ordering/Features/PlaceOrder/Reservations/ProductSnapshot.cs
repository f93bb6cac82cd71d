namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>What placing an order needs to know about a product besides its stock.</summary>
internal sealed record ProductSnapshot(Guid Id, Guid MerchantId, Guid OrganizationId, long Price, bool IsActive);
