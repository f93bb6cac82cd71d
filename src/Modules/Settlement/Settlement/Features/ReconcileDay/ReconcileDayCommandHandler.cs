using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.Settlement.Contracts;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.ReconcileDay;

/// <summary>Starts a run and its first page in one transaction (the page leaves through the outbox).</summary>
internal sealed class ReconcileDayCommandHandler(SettlementDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ReconcileDayCommand, ReconciliationView>
{
    public Task<ReconciliationView> Handle(ReconcileDayCommand command, CancellationToken cancellationToken)
    {
        var run = ReconciliationRun.Start(command.Day, ReconciliationRun.Operator, user.UserId, clock.GetUtcNow());
        db.ReconciliationRuns.Add(run);
        db.Publish(new ReconcileLedgerPage(run.Id, run.Day, After: null, Page: 1));
        return Task.FromResult(ReconciliationView.Of(run));
    }
}
