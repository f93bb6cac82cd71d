using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GetDispatch;

internal sealed record GetDispatchQuery(Guid DispatchId) : IQuery<DispatchProgress>;
