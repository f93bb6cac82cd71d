using Modular.BuildingBlocks.Application.Messaging;
using Modular.Ordering.Domain;

namespace Modular.Ordering.Features.UpdateProduct;

internal sealed record UpdateProductCommand(Guid ProductId, string Name, long Price, ProductStatus Status) : ICommand<ProductResponse>;
