using MassTransit;
using Modular.Billing.Contracts;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Billing.ReadModels;

/// <summary>Projects a batch of invoice changes into invoice documents (highest version wins).</summary>
internal sealed class InvoiceChangedProjection(ReadStore<BillingDbContext> store, BillingDbContext db) : IConsumer<Batch<InvoiceChanged>>
{
    public Task Consume(ConsumeContext<Batch<InvoiceChanged>> context) =>
        store.ApplyAsync<BillingDbContext, InvoiceDocument, InvoiceChanged>(db, context.Message.Select(changed => changed.Message).ToList(),
            changed => changed.InvoiceId, InvoiceDocument.Of, context.CancellationToken);
}
