using Modular.BuildingBlocks.Infrastructure.ReadModels;
using NpgsqlTypes;

namespace Modular.Acquisition.ReadModels;

/// <summary>
/// Acquisition's documents. The transaction list is ordered by (requested_at, id) descending and paged by keyset on that
/// pair: operators' date ranges use payment_transactions_by_requested_at, a merchant admin's list
/// payment_transactions_by_organization, the merchant filter payment_transactions_by_merchant. The merchant list is
/// newest first by its time-ordered id: a merchant admin's through merchant_documents_by_organization, operators' through
/// the primary key. Fraud detections are newest first by id, each filter served by its index
/// (fraud_detections_by_status, _by_rule, _by_merchant, _by_detected_at).
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
        documents.Add<FraudDetectionDocument>(detection => detection
            .Duplicate(document => document.Status)
            .Duplicate(document => document.Rule)
            .Duplicate(document => document.MerchantId)
            .Duplicate(document => document.DetectedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Index([document => document.Status, document => document.Id], index => index.Name = "fraud_detections_by_status")
            .Index([document => document.Rule, document => document.Id], index => index.Name = "fraud_detections_by_rule")
            .Index([document => document.MerchantId, document => document.Id], index => index.Name = "fraud_detections_by_merchant")
            .Index([document => document.DetectedAt, document => document.Id], index => index.Name = "fraud_detections_by_detected_at"));
    }
}
