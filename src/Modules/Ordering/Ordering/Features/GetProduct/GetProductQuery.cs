using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.GetProduct;

internal sealed record GetProductQuery(Guid ProductId) : IQuery<ProductResponse>;
