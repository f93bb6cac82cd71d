using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PledgeSaga;

/// <summary>
/// The pledge saga's timer: a due payment deadline fails the pledge only if Acquisition says the card network was asked
/// and stayed silent, never while its AuthorizePayment still waits in an outbox or a queue (broker down, a launch's
/// backlog); see <see cref="PaymentDeadlineWorker{TContext}"/>.
/// </summary>
internal sealed class PledgePaymentTimeoutWorker(
    ModuleDataSource<FundingDbContext> database,
    IServiceScopeFactory scopes,
    OutboxSignals outboxSignals,
    IOptions<FundingOptions> options,
    TimeProvider clock,
    ILogger<PledgePaymentTimeoutWorker> logger) : PaymentDeadlineWorker<FundingDbContext>(database, scopes, outboxSignals, clock, logger)
{
    protected override PaymentDeadlines Deadlines { get; } = new(
        FundingModule.ModuleName, "funding.pledge_states", options.Value.PollInterval, options.Value.AnswerRecheckInterval);

    protected override async Task<IReadOnlySet<Guid>> ExpiredAsync(IMediator mediator, IReadOnlyList<DuePayment> due, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetUnansweredPayments([.. due.Select(payment => new PaymentReference(payment.MerchantId, payment.CorrelationId))]), cancellationToken))
            .Select(payment => payment.Reference).ToHashSet();

    protected override object TimedOut(Guid correlationId, DateTimeOffset deadline) => new PledgePaymentTimedOut(correlationId, deadline);
}
