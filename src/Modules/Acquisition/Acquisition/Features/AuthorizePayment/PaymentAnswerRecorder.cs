using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Acquisition.CardNetwork;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Batching;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>
/// Records the card network's answers with their messages, many per transaction: the answers that arrive while one batch
/// is being written form the next (up to <see cref="MaxBatch"/>), so a busy authorizer pays one load, one save and one
/// commit per batch instead of per payment. A caller's task completes once its answer is committed (or was recorded by
/// another authorizer first); a failure fails the task and the payment stays Pending under its lease.
/// </summary>
internal sealed class PaymentAnswerRecorder(IServiceScopeFactory scopes, OutboxSignals outboxSignals, AcquisitionMetrics metrics, TimeProvider clock) : BackgroundService
{
    private const int MaxBatch = 100;

    private readonly Channel<NetworkAnswer> _answers = Channel.CreateUnbounded<NetworkAnswer>(new UnboundedChannelOptions { SingleReader = true });

    /// <param name="answer">Null when the network did not answer in time.</param>
    public async Task RecordAsync(Guid paymentId, CardNetworkAnswer? answer)
    {
        var networkAnswer = new NetworkAnswer(paymentId, answer);
        await _answers.Writer.WriteAsync(networkAnswer);
        await networkAnswer.Recorded.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopped after the authorizer (registered before it), which first waits for its calls' answers to be recorded.
        var batch = new List<NetworkAnswer>(MaxBatch);
        while (await _answers.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _answers.Reader.TryRead(out var answer))
            {
                batch.Add(answer);
            }

            await RecordBatchAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// An answer that fails the batch is set apart (<see cref="BatchIsolation"/>): the others are recorded, and it fails
    /// alone (its payment stays Pending under its lease). An answer another authorizer recorded first (after a lease
    /// ran out) fails the optimistic version check the same way, and alone it is done: the first answer stands.
    /// </summary>
    private async Task RecordBatchAsync(IReadOnlyList<NetworkAnswer> batch)
    {
        try
        {
            await BatchIsolation.RunAsync(batch, SaveAsync, (answer, exception) =>
            {
                if (exception is DbUpdateConcurrencyException)
                {
                    answer.Recorded.TrySetResult();
                }
                else
                {
                    answer.Recorded.TrySetException(exception);
                }

                return Task.CompletedTask;
            });
        }
        catch (Exception exception)
        {
            // A transient fault: every answer not recorded yet stays Pending under its lease.
            foreach (var answer in batch)
            {
                answer.Recorded.TrySetException(exception);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<NetworkAnswer> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        var ids = batch.Select(answer => answer.PaymentId).ToList();
        var payments = await db.Payments.AsTracking().Where(payment => ids.Contains(payment.Id)).ToDictionaryAsync(payment => payment.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var answered = new List<PaymentTransaction>(batch.Count);
        foreach (var answer in batch)
        {
            // A payment already answered (another authorizer, or twice in this batch) keeps its first answer.
            if (payments.TryGetValue(answer.PaymentId, out var payment) && payment.IsPending)
            {
                Apply(payment, answer.Answer, now);
                answered.Add(payment);
                db.PublishRecorded(payment);
                db.AnswerCaller(payment);
            }
        }

        await db.SaveChangesAsync();
        outboxSignals.Wake(db.Schema);
        // Counted once committed: a batch that failed is recorded again, payment by payment.
        answered.ForEach(metrics.Answered);
        foreach (var answer in batch)
        {
            answer.Recorded.TrySetResult();
        }
    }

    private static void Apply(PaymentTransaction payment, CardNetworkAnswer? answer, DateTime now)
    {
        switch (answer)
        {
            case CardApproved approved:
                payment.Approve(approved.Card, approved.ApprovalNumber, now);
                break;
            case CardDeclined declined:
                payment.Decline(declined.Card, declined.Code, declined.Reason, now);
                break;
            default:
                // No answer: the caller is told nothing and its own timeout decides.
                payment.RecordNoAnswer();
                break;
        }
    }

    private sealed record NetworkAnswer(Guid PaymentId, CardNetworkAnswer? Answer)
    {
        public TaskCompletionSource Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
