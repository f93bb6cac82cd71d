using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

[Collection(IntegrationCollection.Name)]
public sealed class TransactionListTests(TestPlatform platform)
{
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task Operators_list_every_merchants_transactions_and_a_merchant_admin_only_its_own_by_date_status_and_keyset()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var organization = Guid.CreateVersion7();
        var own = await _api.CreateMerchantAsync(organization);
        var foreign = await _api.CreateMerchantAsync();
        var started = DateTime.UtcNow.AddSeconds(-1);
        var ownApproved = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ownApproved.Add(await PayAsync(caller, own, "tok_visa_approve"));
        }

        var ownDeclined = await PayAsync(caller, own, "tok_decline_stolen");
        var foreignApproved = await PayAsync(caller, foreign, "tok_visa_approve");
        await _api.ListedAsync(own, ownDeclined, "Declined");
        await _api.ListedAsync(foreign, foreignApproved, "Approved");
        foreach (var reference in ownApproved)
        {
            await _api.ListedAsync(own, reference, "Approved");
        }

        using var merchantAdmin = _api.MerchantAdmin(organization);
        var since = Uri.EscapeDataString(started.ToString("O"));
        var firstPage = await merchantAdmin.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?from={since}&status=Approved&limit=2");
        References(firstPage).ShouldBe([ownApproved[2], ownApproved[1]]);
        var secondPage = await merchantAdmin.GetFromJsonAsync<JsonElement>(
            $"/api/acquisition/transactions?from={since}&status=Approved&limit=2&before={firstPage.GetProperty("nextBefore").GetGuid()}");
        References(secondPage).ShouldBe([ownApproved[0]]);
        secondPage.GetProperty("nextBefore").ValueKind.ShouldBe(JsonValueKind.Null);
        var everything = await merchantAdmin.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?from={since}&limit=200");
        References(everything).ShouldBe([ownDeclined, .. Enumerable.Reverse(ownApproved)]);
        var asksForForeign = await merchantAdmin.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?merchantId={foreign}");
        References(asksForForeign).ShouldBeEmpty();
        var beforeAll = await merchantAdmin.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?to={Uri.EscapeDataString(started.ToString("O"))}");
        References(beforeAll).ShouldBeEmpty();

        using var operatorClient = _api.Operator();
        var operatorView = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?from={since}&limit=200");
        References(operatorView).ShouldContain(foreignApproved);
        References(operatorView).ShouldContain(ownDeclined);
        var byMerchant = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?merchantId={foreign}");
        References(byMerchant).ShouldBe([foreignApproved]);
        using var customer = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Modular.BuildingBlocks.Application.Security.Roles.Customer);
        (await customer.GetAsync("/api/acquisition/transactions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> PayAsync(PaymentsCaller caller, Guid merchant, string cardToken)
    {
        var reference = Guid.CreateVersion7();
        await caller.AuthorizeAsync(merchant, reference, 15_000, cardToken);
        await Eventually.HoldsAsync(
            () => Task.FromResult(caller.AnswersFor<PaymentAuthorized>(reference).Count + caller.AnswersFor<PaymentDeclined>(reference).Count > 0),
            TimeSpan.FromSeconds(30), $"an answer for {reference}");
        return reference;
    }

    private static List<Guid> References(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("reference").GetGuid()).ToList();
}
