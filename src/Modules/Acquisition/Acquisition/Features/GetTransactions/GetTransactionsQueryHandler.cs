using Marten;
using Marten.Linq.MatchesSql;
using MediatR;
using Modular.Acquisition.Infrastructure;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.Features.GetTransactions;

internal sealed class GetTransactionsQueryHandler(ReadStore<AcquisitionDbContext> store, ICurrentUser user)
    : IRequestHandler<GetTransactionsQuery, KeysetPage<TransactionSummary>>
{
    public async Task<KeysetPage<TransactionSummary>> Handle(GetTransactionsQuery query, CancellationToken cancellationToken)
    {
        // Newest request first, keyset on (requested_at, id) after the cursor row. A merchant admin's list is served by
        // payment_transactions_by_organization, a merchant filter by payment_transactions_by_merchant, operators'
        // date ranges by payment_transactions_by_requested_at.
        await using var session = store.QuerySession();
        var transactions = session.Query<PaymentTransactionDocument>().AsQueryable();
        if (user.VisibleOrganization() is { } organizationId)
        {
            transactions = transactions.Where(transaction => transaction.OrganizationId == organizationId);
        }

        if (query.MerchantId is { } merchantId)
        {
            transactions = transactions.Where(transaction => transaction.MerchantId == merchantId);
        }

        if (query.Status is { } status)
        {
            transactions = transactions.Where(transaction => transaction.Status == status);
        }

        if (query.From is { } from)
        {
            var since = new DateTimeOffset(from.ToUniversalTime());
            transactions = transactions.Where(transaction => transaction.RequestedAt >= since);
        }

        if (query.To is { } to)
        {
            var until = new DateTimeOffset(to.ToUniversalTime());
            transactions = transactions.Where(transaction => transaction.RequestedAt < until);
        }

        if (query.Before is { } before)
        {
            if (await session.LoadAsync<PaymentTransactionDocument>(before, cancellationToken) is not { } cursor)
            {
                return new KeysetPage<TransactionSummary>([], null);
            }

            transactions = transactions.Where(transaction => transaction.MatchesSql("(d.requested_at, d.id) < (?, ?)", cursor.RequestedAt, cursor.Id));
        }

        return await transactions
            .OrderByDescending(transaction => transaction.RequestedAt)
            .ThenByDescending(transaction => transaction.Id)
            .ToKeysetPageAsync(query.Limit, TransactionSummary.From, cancellationToken);
    }
}
