using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;

namespace Modular.Tests.Integration.Ordering;

/// <summary>
/// Listens on the bus next to Acquisition (which really answers, through its sandbox card network): sees the
/// AuthorizePayment and CancelPayment the checkout or the pledge publishes, and the declines Acquisition sends to their
/// sagas (its queue is bound to the sagas' exchanges as well). It can also repeat a request, or play a card network
/// answering after the PG stopped waiting (a late approval, sent where the request asked for its answer).
/// </summary>
public sealed class PaymentsObserver : IAsyncDisposable
{
    // The exchanges in front of the sagas' queues, which Acquisition's answers are sent to.
    private static readonly string[] SagaExchanges = ["ordering-checkout-state", "funding-pledge-state"];

    private readonly ConcurrentQueue<AuthorizePayment> _authorizations = new();
    private readonly ConcurrentQueue<CancelPayment> _cancellations = new();
    private readonly ConcurrentQueue<PaymentDeclined> _declines = new();
    private readonly IBus _bus;
    private HostReceiveEndpointHandle? _handle;

    private PaymentsObserver(IBus bus) => _bus = bus;

    public static async Task<PaymentsObserver> StartAsync(IServiceProvider services)
    {
        var observer = new PaymentsObserver(services.GetRequiredService<IBus>());
        observer._handle = observer._bus.ConnectReceiveEndpoint($"tests-payments-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<AuthorizePayment>(context => Record(observer._authorizations, context.Message));
            endpoint.Handler<CancelPayment>(context => Record(observer._cancellations, context.Message));
            endpoint.Handler<PaymentDeclined>(context => Record(observer._declines, context.Message));
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
                // The sagas' other messages reach this queue too; they are not this observer's business.
                rabbit.DiscardSkippedMessages();
                foreach (var exchange in SagaExchanges)
                {
                    rabbit.Bind(exchange);
                }
            }
        });
        await observer._handle.Ready;
        return observer;
    }

    public bool AuthorizationAskedFor(Guid orderId) => _authorizations.Any(message => message.Reference == orderId);

    public AuthorizePayment AuthorizationOf(Guid orderId) => _authorizations.First(message => message.Reference == orderId);

    public int CancellationsOf(Guid orderId) => _cancellations.Count(message => message.Reference == orderId);

    public int DeclinesOf(Guid orderId) => _declines.Count(message => message.Reference == orderId);

    /// <summary>The checkout's request once more, as a new message (a redelivery or a retry).</summary>
    public Task RepeatAuthorizationAsync(Guid orderId) => _bus.Publish(AuthorizationOf(orderId));

    /// <summary>An approval from the card network after Acquisition recorded no answer.</summary>
    public async Task ApproveLateAsync(Guid orderId)
    {
        var request = AuthorizationOf(orderId);
        var saga = await _bus.GetSendEndpoint(request.AnswerTo);
        await saga.Send(new PaymentAuthorized(Guid.CreateVersion7(), request.MerchantId, orderId, request.Amount, "A-12345", DateTimeOffset.UtcNow));
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }

    private static Task Record<T>(ConcurrentQueue<T> queue, T message)
    {
        queue.Enqueue(message);
        return Task.CompletedTask;
    }
}
