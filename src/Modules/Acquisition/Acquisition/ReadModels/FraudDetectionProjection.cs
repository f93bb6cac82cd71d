using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>Keeps each detection's document at the highest version seen, a batch of events per session.</summary>
internal sealed class FraudDetectionProjection(ReadStore<AcquisitionDbContext> store, AcquisitionDbContext db) : IConsumer<Batch<FraudDetectionRecorded>>
{
    public Task Consume(ConsumeContext<Batch<FraudDetectionRecorded>> context) =>
        store.ApplyAsync<AcquisitionDbContext, FraudDetectionDocument, FraudDetectionRecorded>(
            db, context.Message.Select(recorded => recorded.Message).ToList(), recorded => recorded.DetectionId,
            (_, current, recorded) => FraudDetectionDocument.Newer(current, FraudDetectionDocument.From(recorded)), context.CancellationToken);
}
