using MassTransit;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Projects a batch of bulk-order changes into bulk-order documents (furthest status wins, see <see cref="BulkOrderDocument"/>).</summary>
internal sealed class BulkOrderProjection(ReadStore<OrderingDbContext> store, OrderingDbContext db) : IConsumer<Batch<BulkOrderChanged>>
{
    public Task Consume(ConsumeContext<Batch<BulkOrderChanged>> context) =>
        store.ApplyAsync<OrderingDbContext, BulkOrderDocument, BulkOrderChanged>(db, context.Message.Select(changed => changed.Message).ToList(),
            changed => changed.BulkOrderId, BulkOrderDocument.Of, context.CancellationToken);
}
