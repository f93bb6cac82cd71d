using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Observability;

[Collection(IntegrationCollection.Name)]
public sealed class CheckoutTraceTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task One_paid_order_is_one_trace_from_the_http_request_through_acquisition_to_the_saga_and_projection()
    {
        var product = await _api.CreateProductAsync(stock: 5);
        using var spans = new SpanRecorder();
        using var customer = _api.Customer();

        var response = await OrderingApi.PlaceWithCardAsync(customer, null, OrderingApi.ApprovingCard, (product, 1));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Without a caller's X-Correlation-Id, the correlation id is the request's trace id.
        var traceId = ActivityTraceId.CreateFromString(response.Headers.GetValues("X-Correlation-Id").Single());
        await _api.ProjectedAsync(orderId, "Paid");
        await Eventually.HoldsAsync(() => Task.FromResult(Names(spans.Of(traceId)).Any(name => name.Contains("order-paid-projection"))), Patience,
            "the projection of OrderPaid joined the trace:\n" + string.Join("\n", Names(spans.Of(traceId))));

        var trace = spans.Of(traceId);
        var names = Names(trace);
        trace.ShouldContain(span => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server, string.Join("\n", names));
        trace.ShouldContain(span => span.Source.Name == "Modular.Messaging", "an outbox delivery span");
        names.ShouldContain(name => name.Contains("acquisition-"), "Acquisition consumed in the trace:\n" + string.Join("\n", names));
        names.ShouldContain(name => name.Contains("ordering-checkout-state"), "the checkout saga consumed in the trace:\n" + string.Join("\n", names));
    }

    // MassTransit names its consume spans after the endpoint ("<queue> process"); other spans by their operation.
    private static List<string> Names(IEnumerable<Activity> spans) =>
        spans.Select(span => $"{span.Source.Name}: {span.DisplayName}").ToList();
}
