using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Settlement.Domain;
using NpgsqlTypes;

namespace Modular.Settlement.ReadModels;

/// <summary>
/// The ledger as documents: each filter of the search and the exports is a duplicated column, and each equality filter
/// has a composite index ending in the page order (request date, id), so a page with any filter (or two: the second is
/// checked on the index's rows) reads only rows it returns or nearly. Which index serves which query: SearchLedgerQueryHandler.
/// </summary>
internal static class SettlementReadStore
{
    /// <summary>Marten's table for <see cref="LedgerEntry"/>; the projection writes it set-based and exports COPY from it.</summary>
    public const string LedgerTable = "settlement_read.mt_doc_ledgerentry";

    public static void Declare(ReadDocuments documents) =>
        documents.Add<LedgerEntry>(ledger => ledger
            .Duplicate(entry => entry.RequestedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz, notNull: true)
            .Duplicate(entry => entry.SubmittedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz, notNull: true)
            .Duplicate(entry => entry.Pg, notNull: true)
            .Duplicate(entry => entry.PayMethod, notNull: true)
            .Duplicate(entry => entry.ServiceType, notNull: true)
            .Duplicate(entry => entry.SubmitType, notNull: true)
            .Duplicate(entry => entry.TransactionType, notNull: true)
            .Duplicate(entry => entry.OrganizationId, notNull: true)
            .Duplicate(entry => entry.AcquisitionId, notNull: true)
            .Index([entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_requested_at")
            .Index([entry => entry.SubmittedAt, entry => entry.Id], index => index.Name = "ledger_by_submitted_at")
            .Index([entry => entry.Pg, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_pg")
            .Index([entry => entry.PayMethod, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_pay_method")
            .Index([entry => entry.ServiceType, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_service_type")
            .Index([entry => entry.SubmitType, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_submit_type")
            .Index([entry => entry.TransactionType, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_transaction_type")
            .Index([entry => entry.OrganizationId, entry => entry.RequestedAt, entry => entry.Id], index => index.Name = "ledger_by_organization")
            .Index([entry => entry.OrganizationId, entry => entry.SubmittedAt, entry => entry.Id], index => index.Name = "ledger_by_organization_submitted")
            .Index(entry => entry.AcquisitionId, index => index.Name = "ledger_by_acquisition"));
}
