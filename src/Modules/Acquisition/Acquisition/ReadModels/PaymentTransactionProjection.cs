using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>Keeps each payment transaction's document at the highest version seen, a batch of events per session.</summary>
internal sealed class PaymentTransactionProjection(ReadStore<AcquisitionDbContext> store, AcquisitionDbContext db) : IConsumer<Batch<PaymentTransactionRecorded>>
{
    public Task Consume(ConsumeContext<Batch<PaymentTransactionRecorded>> context) =>
        store.ApplyAsync<AcquisitionDbContext, PaymentTransactionDocument, PaymentTransactionRecorded>(
            db, context.Message.Select(recorded => recorded.Message).ToList(), recorded => recorded.PaymentId,
            (_, current, recorded) => PaymentTransactionDocument.Newer(current, PaymentTransactionDocument.From(recorded)), context.CancellationToken);
}
