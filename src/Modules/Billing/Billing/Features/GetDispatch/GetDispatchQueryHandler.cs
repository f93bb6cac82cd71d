using MediatR;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.GetDispatch;

internal sealed class GetDispatchQueryHandler(BillingDbContext db) : IRequestHandler<GetDispatchQuery, DispatchProgress>
{
    public async Task<DispatchProgress> Handle(GetDispatchQuery query, CancellationToken cancellationToken)
    {
        var dispatch = await DispatchRows.FindAsync(db, query.DispatchId, cancellationToken) ?? throw DispatchErrors.NotFound(query.DispatchId);
        return DispatchProgress.From(dispatch, await DispatchRows.CountsAsync(db, query.DispatchId, cancellationToken));
    }
}
