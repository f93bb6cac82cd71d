using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Contract;

/// <summary>
/// Every 201 and 202 names a Location that a GET answers with what was created (or the accepted job). The test creates
/// through every endpoint that declares 201/202 and fails on a new one it does not exercise.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LocationTests(TestPlatform platform)
{
    private readonly HashSet<string> _exercised = [];

    [Fact]
    public async Task Every_created_or_accepted_location_answers_a_get_with_what_was_created()
    {
        using var platformAdmin = Client(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var organization = await CreatedAsync(platformAdmin, "/api/iam/organizations", "/api/iam/organizations",
            new { kind = "Merchant", name = $"Location tests {Guid.NewGuid():N}", registrationNumber = $"LOC-{Guid.NewGuid():N}" });
        var organizationId = organization.GetProperty("id").GetGuid();
        using var merchantAdmin = Client(Guid.CreateVersion7(), organizationId, Roles.MerchantAdmin);

        var contactEmail = $"contact.{Guid.NewGuid():N}@location.example";
        var withContact = await CreatedAsync(merchantAdmin, "/api/iam/organizations/{organizationId}/contacts", $"/api/iam/organizations/{organizationId}/contacts",
            new { name = "Billing desk", email = contactEmail, isPrimary = true }, expectedId: organizationId);
        withContact.GetProperty("contacts").EnumerateArray().ShouldContain(contact => contact.GetProperty("email").GetString() == contactEmail);

        await CreatedAsync(merchantAdmin, "/api/iam/organizations/{organizationId}/users", $"/api/iam/organizations/{organizationId}/users",
            new { email = $"clerk.{Guid.NewGuid():N}@location.example", name = "Clerk", roles = new[] { Roles.MerchantUser }, password = "correct-horse-battery" });
        await CreatedAsync(merchantAdmin, "/api/iam/organizations/{organizationId}/invitations", $"/api/iam/organizations/{organizationId}/invitations",
            new { emails = new[] { $"invitee.{Guid.NewGuid():N}@location.example" } }, HttpStatusCode.Accepted);

        // The shopper signs up anonymously and reads its own user.
        using var anonymous = platform.Host.CreateClient();
        var signUp = await anonymous.PostAsJsonAsync("/api/iam/customers",
            new { email = $"shopper.{Guid.NewGuid():N}@location.example", password = "correct-horse-battery", name = "Shopper" });
        var customerId = (await BodyAsync(signUp, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var customer = Client(customerId, null, Roles.Customer);
        await LocationAnswersAsync(customer, signUp, customerId);
        _exercised.Add("POST /api/iam/customers");

        var merchant = await CreatedAsync(platformAdmin, "/api/acquisition/merchants", "/api/acquisition/merchants", new
        {
            organizationId, name = "Location tests' shop", feeRate = 0.025m, vatRule = "Taxable10Percent", settlementCycle = "D1",
        });
        var product = await CreatedAsync(merchantAdmin, "/api/ordering/products", "/api/ordering/products",
            new { merchantId = merchant.GetProperty("id").GetGuid(), name = "Location tests' product", price = 5_000, stock = 10 });
        var productId = product.GetProperty("id").GetGuid();

        // An order's detail is its read model, which the OrderPlaced projection writes shortly after the 201.
        await CreatedAsync(customer, "/api/ordering/orders", "/api/ordering/orders",
            new { lines = new[] { new { productId, quantity = 1 } }, cardToken = OrderingApi.ApprovingCard }, eventually: true);
        await CreatedAsync(customer, "/api/ordering/bulk-orders", "/api/ordering/bulk-orders",
            new { lines = new[] { new { productId, quantity = 1 } }, mode = "BestEffort", cardToken = OrderingApi.ApprovingCard }, HttpStatusCode.Accepted);

        // A project's page and a pledge's status are read models, written shortly after the 201 and the 202.
        var clock = platform.Host.Clock.GetUtcNow().UtcDateTime;
        var project = await CreatedAsync(merchantAdmin, "/api/funding/projects", "/api/funding/projects", new
        {
            merchantId = merchant.GetProperty("id").GetGuid(), title = "Location tests' project", goal = 100_000,
            startsAt = clock.AddMinutes(-1), deadline = clock.AddDays(30), tiers = new[] { new { name = "Thanks", price = 10_000, quantity = (int?)null } },
        }, eventually: true);
        var projectId = project.GetProperty("id").GetGuid();
        (await merchantAdmin.PostAsync($"/api/funding/projects/{projectId}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CreatedAsync(customer, "/api/funding/projects/{projectId}/pledges", $"/api/funding/projects/{projectId}/pledges",
            new { tierId = project.GetProperty("tiers")[0].GetProperty("id").GetGuid(), cardToken = OrderingApi.ApprovingCard }, HttpStatusCode.Accepted, eventually: true);

        // Settlement's jobs are polled from their write rows, so their Location answers at once.
        using var finance = Client(Guid.CreateVersion7(), null, Roles.FinanceOperator);
        await CreatedAsync(finance, "/api/settlement/exports", "/api/settlement/exports",
            new { requestedFrom = clock.AddDays(-1), requestedTo = clock, transactionType = "Payment" }, HttpStatusCode.Accepted);
        await CreatedAsync(finance, "/api/settlement/reconciliations", "/api/settlement/reconciliations",
            new { day = DateOnly.FromDateTime(clock).AddDays(-1) }, HttpStatusCode.Accepted);

        // Billing: a credit note for an issued invoice (201), a dispatch of it (202) and that dispatch's retry (202).
        using var billing = Client(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var billed = (await Billing.BillingApi.CustomersAsync(platformAdmin, 1, "location.example")).Single();
        await Billing.BillingApi.PriceAsync(billing, "location-calls", 2m, 0);
        await Billing.BillingApi.UsageAsync(billing, [billed], "2034-01", "location-calls", 100);
        await Billing.BillingApi.GenerateAsync(billing, "2034-01", billed.Id);
        await Billing.BillingApi.IssueAsync(billing, "2034-01");
        var invoiceId = (await Billing.BillingApi.ListedAsync(billing, $"month=2034-01&organizationId={billed.Id}", 1)).GetProperty("items")[0].GetProperty("id").GetGuid();
        await CreatedAsync(billing, "/api/billing/invoices/{invoiceId}/credit-notes", $"/api/billing/invoices/{invoiceId}/credit-notes",
            new { amount = 10, reason = "Location tests" });
        var dispatch = await CreatedAsync(billing, "/api/billing/dispatches", "/api/billing/dispatches", new { invoiceIds = new[] { invoiceId } }, HttpStatusCode.Accepted);
        var dispatchId = dispatch.GetProperty("id").GetGuid();
        await CreatedAsync(billing, "/api/billing/dispatches/{dispatchId}/retry", $"/api/billing/dispatches/{dispatchId}/retry", new { }, HttpStatusCode.Accepted);

        _exercised.ShouldBe(CreatingEndpoints(), ignoreOrder: true);
    }

    private async Task<JsonElement> CreatedAsync(
        HttpClient client, string route, string path, object body, HttpStatusCode status = HttpStatusCode.Created, Guid? expectedId = null, bool eventually = false)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var created = await BodyAsync(response, status);
        _exercised.Add($"POST {route}");
        return await LocationAnswersAsync(client, response, expectedId ?? created.GetProperty("id").GetGuid(), eventually);
    }

    private static async Task<JsonElement> LocationAnswersAsync(HttpClient client, HttpResponseMessage created, Guid expectedId, bool eventually = false)
    {
        var location = created.Headers.Location ?? throw new ShouldAssertException($"{created.RequestMessage!.RequestUri} answered no Location");
        HttpResponseMessage? read = null;
        await Eventually.HoldsAsync(async () =>
        {
            read = await client.GetAsync(location);
            return read.StatusCode == HttpStatusCode.OK || !eventually;
        }, TimeSpan.FromSeconds(15), $"GET {location} answers 200");
        var answer = await BodyAsync(read!, HttpStatusCode.OK);
        answer.GetProperty("id").GetGuid().ShouldBe(expectedId, $"GET {location}");
        return answer;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The endpoints that declare a 201 or 202 answer.</summary>
    private HashSet<string> CreatingEndpoints() =>
        platform.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(produces => produces.StatusCode is 201 or 202))
            .Select(endpoint => $"POST {System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, ":[^}]+}", "}")}")
            .ToHashSet();

    private HttpClient Client(Guid userId, Guid? organizationId, string role) => platform.Host.CreateClientAs(userId, organizationId, role);
}
