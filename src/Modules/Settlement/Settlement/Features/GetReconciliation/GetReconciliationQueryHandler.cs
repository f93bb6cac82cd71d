using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.GetReconciliation;

/// <summary>From the run's write row, which each page updates in its transaction.</summary>
internal sealed class GetReconciliationQueryHandler(SettlementDbContext db) : IRequestHandler<GetReconciliationQuery, ReconciliationView>
{
    public async Task<ReconciliationView> Handle(GetReconciliationQuery query, CancellationToken cancellationToken)
    {
        var run = await db.ReconciliationRuns.AsNoTracking().FirstOrDefaultAsync(run => run.Id == query.RunId, cancellationToken)
            ?? throw new DomainException(Error.NotFound("settlement.reconciliation_not_found", $"Reconciliation {query.RunId} was not found."));
        return ReconciliationView.Of(run);
    }
}
