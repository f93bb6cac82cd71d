using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.Checkout;

/// <summary>
/// The checkout's timer: a due payment deadline cancels the order only if Acquisition says the card network was asked
/// and stayed silent (its verdict counts from the call itself); see <see cref="PaymentDeadlineWorker{TContext}"/>.
/// </summary>
internal sealed class PaymentTimeoutWorker(
    ModuleDataSource<OrderingDbContext> database,
    IServiceScopeFactory scopes,
    OutboxSignals outboxSignals,
    IOptions<CheckoutOptions> options,
    TimeProvider clock,
    ILogger<PaymentTimeoutWorker> logger) : PaymentDeadlineWorker<OrderingDbContext>(database, scopes, outboxSignals, clock, logger)
{
    protected override PaymentDeadlines Deadlines { get; } = new(
        OrderingModule.ModuleName, "ordering.checkout_states", options.Value.TimeoutPollInterval, options.Value.AnswerRecheckInterval);

    protected override async Task<IReadOnlySet<Guid>> ExpiredAsync(IMediator mediator, IReadOnlyList<DuePayment> due, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetUnansweredPayments([.. due.Select(payment => new PaymentReference(payment.MerchantId, payment.CorrelationId))]), cancellationToken))
            .Select(payment => payment.Reference).ToHashSet();

    protected override object TimedOut(Guid correlationId, DateTimeOffset deadline) => new CheckoutPaymentTimedOut(correlationId, deadline);
}
