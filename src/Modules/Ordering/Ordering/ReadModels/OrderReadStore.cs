using Modular.BuildingBlocks.Infrastructure.ReadModels;
using NpgsqlTypes;

namespace Modular.Ordering.ReadModels;

/// <summary>Ordering's documents and the indexes its lists use (named in each query handler).</summary>
internal static class OrderReadStore
{
    public static void Declare(ReadDocuments documents) => documents.Add<OrderDocument>(order => order
        .Duplicate(document => document.PlacedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
        .Index([document => document.CustomerId, document => document.Id], index => index.Name = "orders_by_customer")
        .Index([document => document.OrganizationId, document => document.Id], index => index.Name = "orders_by_organization")
        .Index([document => document.PlacedAt!, document => document.Id], index => index.Name = "orders_by_placed_at")
        .GinIndexJsonDataMember(document => document.ProductIds, index => index.Name = "orders_by_product"))
        .Add<BulkOrderDocument>(bulk => bulk
            .Index([document => document.OrganizationId, document => document.Id], index => index.Name = "bulk_orders_by_organization")
            .Index([document => document.OrganizationId, document => document.Status, document => document.Id],
                index => index.Name = "bulk_orders_by_organization_status")
            .Index([document => document.Status, document => document.Id], index => index.Name = "bulk_orders_by_status"));
}
