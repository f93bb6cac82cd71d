using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Funding;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// Acquisition answers the module that asked, at the address its AuthorizePayment names, and publishes no answer: an
/// order's approval never reaches Funding's pledge saga, nor a pledge's Ordering's checkout.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PaymentAnswerRoutingTests(TestPlatform platform)
{
    [Fact]
    public async Task An_order_and_a_pledge_are_each_answered_by_their_own_saga_and_no_answer_is_published()
    {
        // Subscribed to PaymentAuthorized and PaymentDeclined as any module could be: it hears every published answer.
        await using var subscriber = await PaymentsCaller.StartAsync(platform.Host.Services);
        var ordering = new OrderingApi(platform.Host);
        var funding = new FundingApi(platform.Host);
        var product = await ordering.CreateProductAsync(stock: 5);
        var (project, tiers) = await funding.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 5)]);
        using var customer = ordering.Customer();
        using var backer = funding.Backer();

        var placed = await OrderingApi.PlaceAsync(customer, null, (product, 1));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pledgeId = await FundingApi.PledgedAsync(backer, project, tiers[0], cardToken: FundingApi.DecliningCard);

        (await ordering.ProjectedAsync(orderId, "Paid")).Status.ShouldBe("Paid");
        (await FundingApi.PolledAsync(backer, pledgeId, "Failed")).GetProperty("reason").GetString().ShouldBe("payment.declined");
        await MessageFlow.SettledAsync(platform.Broker, funding.Database, "acquisition", "ordering", "funding");
        subscriber.AnswerCountFor(orderId).ShouldBe(0, "the order's approval was sent to Ordering's checkout, not published");
        subscriber.AnswerCountFor(pledgeId).ShouldBe(0, "the pledge's decline was sent to Funding's pledge saga, not published");
    }
}
