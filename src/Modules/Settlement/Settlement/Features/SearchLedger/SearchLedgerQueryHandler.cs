using Marten;
using Marten.Linq.MatchesSql;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.SearchLedger;

/// <summary>
/// Newest first, keyset on (date, id) after the cursor row, where the date is the request date, or the submit date when
/// only a submit range is given (<see cref="LedgerFilter.OrdersBySubmission"/>). The index that serves a page:
/// - a merchant's own rows: ledger_by_organization (organization_id, requested_at, id), or ledger_by_organization_submitted;
/// - an equality filter (PG, pay method, service type, submit type, transaction type) with or without a request range:
///   ledger_by_pg / _by_pay_method / _by_service_type / _by_submit_type / _by_transaction_type (filter, requested_at, id);
///   a second equality filter or the submit range is checked on that index's rows, which the low cardinality of the
///   kinds keeps short;
/// - only date ranges: ledger_by_requested_at (requested_at, id), or ledger_by_submitted_at (submitted_at, id).
/// </summary>
internal sealed class SearchLedgerQueryHandler(ReadStore<SettlementDbContext> store, ICurrentUser user)
    : IRequestHandler<SearchLedgerQuery, KeysetPage<LedgerEntry>>
{
    public async Task<KeysetPage<LedgerEntry>> Handle(SearchLedgerQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter.ToFilter();
        await using var session = store.QuerySession();
        var rows = Filtered(session.Query<LedgerEntry>(), filter, user.VisibleOrganization());
        if (query.Before is { } before)
        {
            var cursor = await session.LoadAsync<LedgerEntry>(before, cancellationToken);
            if (cursor is null || !user.CanSee(cursor.OrganizationId))
            {
                return new KeysetPage<LedgerEntry>([], null);
            }

            rows = filter.OrdersBySubmission
                ? rows.Where(row => row.MatchesSql("(d.submitted_at, d.id) < (?, ?)", cursor.SubmittedAt, cursor.Id))
                : rows.Where(row => row.MatchesSql("(d.requested_at, d.id) < (?, ?)", cursor.RequestedAt, cursor.Id));
        }

        rows = filter.OrdersBySubmission
            ? rows.OrderByDescending(row => row.SubmittedAt).ThenByDescending(row => row.Id)
            : rows.OrderByDescending(row => row.RequestedAt).ThenByDescending(row => row.Id);
        var page = await rows.Take(query.Limit).ToListAsync(cancellationToken);
        return KeysetPage<LedgerEntry>.Of(page, query.Limit, row => row.Id, row => row);
    }

    private static IQueryable<LedgerEntry> Filtered(IQueryable<LedgerEntry> rows, LedgerFilter filter, Guid? organizationId)
    {
        if (organizationId is { } organization)
        {
            rows = rows.Where(row => row.OrganizationId == organization);
        }

        if (filter.RequestedFrom is { } requestedFrom)
        {
            rows = rows.Where(row => row.RequestedAt >= requestedFrom);
        }

        if (filter.RequestedTo is { } requestedTo)
        {
            rows = rows.Where(row => row.RequestedAt < requestedTo);
        }

        if (filter.SubmittedFrom is { } submittedFrom)
        {
            rows = rows.Where(row => row.SubmittedAt >= submittedFrom);
        }

        if (filter.SubmittedTo is { } submittedTo)
        {
            rows = rows.Where(row => row.SubmittedAt < submittedTo);
        }

        if (filter.Pg is { } pg)
        {
            rows = rows.Where(row => row.Pg == pg);
        }

        if (filter.PayMethod is { } payMethod)
        {
            rows = rows.Where(row => row.PayMethod == payMethod);
        }

        if (filter.ServiceType is { } serviceType)
        {
            rows = rows.Where(row => row.ServiceType == serviceType);
        }

        if (filter.SubmitType is { } submitType)
        {
            rows = rows.Where(row => row.SubmitType == submitType);
        }

        if (filter.TransactionType is { } transactionType)
        {
            rows = rows.Where(row => row.TransactionType == transactionType);
        }

        return rows;
    }
}
