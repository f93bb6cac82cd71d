using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;

namespace Modular.Tests.Integration.Ordering;

/// <summary>
/// Stands where Acquisition stands on the bus: sees the AuthorizePayment and CancelPayment the checkout publishes,
/// and answers like the card network would (the test decides the answer and its timing).
/// </summary>
public sealed class PaymentsObserver : IAsyncDisposable
{
    private readonly ConcurrentQueue<AuthorizePayment> _authorizations = new();
    private readonly ConcurrentQueue<CancelPayment> _cancellations = new();
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
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
        });
        await observer._handle.Ready;
        return observer;
    }

    public bool AuthorizationAskedFor(Guid orderId) => _authorizations.Any(message => message.Reference == orderId);

    public AuthorizePayment AuthorizationOf(Guid orderId) => _authorizations.First(message => message.Reference == orderId);

    public int CancellationsOf(Guid orderId) => _cancellations.Count(message => message.Reference == orderId);

    public Task ApproveAsync(Guid orderId) => _bus.Publish(new PaymentAuthorized(
        Guid.CreateVersion7(), AuthorizationOf(orderId).MerchantId, orderId, AuthorizationOf(orderId).Amount, "A-12345", DateTimeOffset.UtcNow));

    public Task DeclineAsync(Guid orderId) => _bus.Publish(new PaymentDeclined(
        AuthorizationOf(orderId).MerchantId, orderId, "card.insufficient_funds", "Insufficient funds", DateTimeOffset.UtcNow));

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
