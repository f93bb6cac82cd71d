using Modular.BuildingBlocks.Infrastructure.ReadModels;
using NpgsqlTypes;

namespace Modular.Acquisition.ReadModels;

/// <summary>
/// Acquisition's documents. The transaction list is ordered by (requested_at, id) descending and paged by keyset on that
/// pair: operators' date ranges use payment_transactions_by_requested_at, a merchant admin's list
/// payment_transactions_by_organization, the merchant filter payment_transactions_by_merchant. The merchant list is
/// newest first by its time-ordered id: a merchant admin's through merchant_documents_by_organization, operators' through
/// the primary key.
/// </summary>
internal static class AcquisitionReadStore
{
    public static void Declare(ReadDocuments documents)
    {
        documents.Add<PaymentTransactionDocument>(transaction => transaction
            .Duplicate(document => document.RequestedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Duplicate(document => document.OrganizationId)
            .Duplicate(document => document.MerchantId)
            .Index([document => document.RequestedAt, document => document.Id], index => index.Name = "payment_transactions_by_requested_at")
            .Index([document => document.OrganizationId, document => document.RequestedAt, document => document.Id],
                index => index.Name = "payment_transactions_by_organization")
            .Index([document => document.MerchantId, document => document.RequestedAt, document => document.Id],
                index => index.Name = "payment_transactions_by_merchant"));
        documents.Add<MerchantDocument>(merchant => merchant
            .Duplicate(document => document.OrganizationId)
            .Index([document => document.OrganizationId, document => document.Id], index => index.Name = "merchant_documents_by_organization"));
    }
}
