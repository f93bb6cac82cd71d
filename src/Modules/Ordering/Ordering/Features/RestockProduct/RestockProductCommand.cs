using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.RestockProduct;

internal sealed record RestockProductCommand(Guid ProductId, int Quantity) : ICommand<ProductResponse>;
