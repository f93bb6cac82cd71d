using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.CreateProduct;

/// <summary>OrganizationId is required from a PlatformAdmin; a MerchantAdmin always creates in its own organization.</summary>
internal sealed record CreateProductCommand(Guid? OrganizationId, Guid MerchantId, string Name, long Price, int Stock) : ICommand<ProductResponse>;
