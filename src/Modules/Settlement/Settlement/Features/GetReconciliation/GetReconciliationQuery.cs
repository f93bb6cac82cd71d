using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Settlement.Features.GetReconciliation;

internal sealed record GetReconciliationQuery(Guid RunId) : IQuery<ReconciliationView>;
