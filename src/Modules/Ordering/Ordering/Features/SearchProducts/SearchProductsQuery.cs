using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Ordering.Features.SearchProducts;

internal sealed record SearchProductsQuery(Guid? OrganizationId, string? Status, string? NamePrefix, Guid? Before, int Limit)
    : IQuery<KeysetPage<ProductResponse>>;
