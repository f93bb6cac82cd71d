using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// Stands where Ordering or Funding stand on the bus: publishes AuthorizePayment (answers to <see cref="Address"/>) and
/// CancelPayment, and records every answer Acquisition gives.
/// </summary>
public sealed class PaymentsCaller : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<object> _answers = new();
    private readonly IBus _bus;
    private HostReceiveEndpointHandle? _handle;

    private PaymentsCaller(IBus bus) => _bus = bus;

    /// <summary>This caller's endpoint: AuthorizePayment's answers are sent here.</summary>
    public Uri Address => _handle!.ReceiveEndpoint.InputAddress;

    public static async Task<PaymentsCaller> StartAsync(IServiceProvider services)
    {
        var caller = new PaymentsCaller(services.GetRequiredService<IBus>());
        caller._handle = caller._bus.ConnectReceiveEndpoint($"tests-acquisition-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<PaymentAuthorized>(context => caller.Record(context.Message));
            endpoint.Handler<PaymentDeclined>(context => caller.Record(context.Message));
            endpoint.Handler<PaymentCanceled>(context => caller.Record(context.Message));
            endpoint.Handler<PaymentCancelRejected>(context => caller.Record(context.Message));
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
        });
        await caller._handle.Ready;
        return caller;
    }

    /// <summary>Each call is a new message (new MessageId), as a caller's retry would be.</summary>
    public Task AuthorizeAsync(Guid merchantId, Guid reference, long amount, string cardToken) =>
        _bus.Publish(new AuthorizePayment(merchantId, reference, amount, cardToken, Address));

    public Task CancelAsync(Guid merchantId, Guid reference) => _bus.Publish(new CancelPayment(merchantId, reference));

    public IReadOnlyList<T> AnswersFor<T>(Guid reference)
        where T : class => _answers.OfType<T>().Where(answer => ReferenceOf(answer) == reference).ToList();

    /// <summary>Waits for the <paramref name="count"/>-th answer of type <typeparamref name="T"/> for the reference and returns them all.</summary>
    public async Task<IReadOnlyList<T>> AwaitAsync<T>(Guid reference, int count = 1)
        where T : class
    {
        await Eventually.HoldsAsync(() => Task.FromResult(AnswersFor<T>(reference).Count >= count), Patience, $"{count} {typeof(T).Name} for {reference}");
        return AnswersFor<T>(reference);
    }

    public int AnswerCountFor(Guid reference) => _answers.Count(answer => ReferenceOf(answer) == reference);

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }

    private static Guid ReferenceOf(object answer) => answer switch
    {
        PaymentAuthorized authorized => authorized.Reference,
        PaymentDeclined declined => declined.Reference,
        PaymentCanceled canceled => canceled.Reference,
        PaymentCancelRejected rejected => rejected.Reference,
        _ => Guid.Empty,
    };

    private Task Record(object answer)
    {
        _answers.Enqueue(answer);
        return Task.CompletedTask;
    }
}
