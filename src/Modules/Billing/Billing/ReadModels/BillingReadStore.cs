using Modular.BuildingBlocks.Infrastructure.ReadModels;
using NpgsqlTypes;

namespace Modular.Billing.ReadModels;

/// <summary>Billing's documents and the indexes the invoice list uses (named in GetInvoicesQueryHandler).</summary>
internal static class BillingReadStore
{
    public static void Declare(ReadDocuments documents) =>
        documents.Add<InvoiceDocument>(invoice => invoice
            .Duplicate(document => document.Month, pgType: "date", dbType: NpgsqlDbType.Date)
            .Duplicate(document => document.Status)
            .Duplicate(document => document.OrganizationId)
            .Duplicate(document => document.Total, pgType: "bigint", dbType: NpgsqlDbType.Bigint)
            .Index([document => document.Month, document => document.Status, document => document.Id], index => index.Name = "invoices_by_month_status")
            .Index([document => document.OrganizationId, document => document.Month, document => document.Id], index => index.Name = "invoices_by_organization"));
}
