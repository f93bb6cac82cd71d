using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>Keeps each merchant's document at the highest version seen, a batch of events per session.</summary>
internal sealed class MerchantProjection(ReadStore<AcquisitionDbContext> store, AcquisitionDbContext db) : IConsumer<Batch<MerchantRecorded>>
{
    public Task Consume(ConsumeContext<Batch<MerchantRecorded>> context) =>
        store.ApplyAsync<AcquisitionDbContext, MerchantDocument, MerchantRecorded>(
            db, context.Message.Select(recorded => recorded.Message).ToList(), recorded => recorded.MerchantId,
            (_, current, recorded) => MerchantDocument.Newer(current, MerchantDocument.From(recorded)), context.CancellationToken);
}
