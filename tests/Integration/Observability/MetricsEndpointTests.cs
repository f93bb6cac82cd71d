using System.Net;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Observability;

[Collection(IntegrationCollection.Name)]
public sealed class MetricsEndpointTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly OrderingApi _api = new(platform.Host);

    /// <remarks>
    /// On a host of its own: meters are process-wide by name, and when another in-process test host is disposed its
    /// meters end the metric streams this host's provider shares with them (one host per process in deployment).
    /// </remarks>
    [Fact]
    public async Task A_paid_order_moves_orders_placed_payment_approvals_and_orders_paid_and_the_scrape_serves_the_platform_and_library_meters()
    {
        await using var host = new ModularHostFactory(platform.Settings);
        var api = new OrderingApi(host);
        var product = await api.CreateProductAsync(stock: 5);
        using var finance = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);
        var placedBefore = await PrometheusScrape.SumAsync(finance, "modular_ordering_orders_placed_total");
        var paidBefore = await PrometheusScrape.SumAsync(finance, "modular_ordering_orders_paid_total");
        var approvalsBefore = await PrometheusScrape.SumAsync(finance, "modular_acquisition_payment_approvals_total");
        var deliveredBefore = await PrometheusScrape.SumAsync(finance, "modular_outbox_delivered_total", "module=\"ordering\"");

        using var customer = api.Customer();
        (await OrderingApi.PlaceWithCardAsync(customer, null, OrderingApi.ApprovingCard, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await Eventually.HoldsAsync(async () => await PrometheusScrape.SumAsync(finance, "modular_ordering_orders_placed_total") >= placedBefore + 1, Patience,
            "orders_placed counted the order");
        await Eventually.HoldsAsync(async () => await PrometheusScrape.SumAsync(finance, "modular_acquisition_payment_approvals_total") >= approvalsBefore + 1,
            Patience, "Acquisition counted the approval");
        await Eventually.HoldsAsync(async () => await PrometheusScrape.SumAsync(finance, "modular_ordering_orders_paid_total") >= paidBefore + 1, Patience,
            "orders_paid counted the payment");
        await Eventually.HoldsAsync(
            async () => await PrometheusScrape.SumAsync(finance, "modular_outbox_delivered_total", "module=\"ordering\"") >= deliveredBefore + 2, Patience,
            "the outbox delivered OrderPlaced and AuthorizePayment");
        var scrape = await PrometheusScrape.ReadAsync(finance);
        string[] families = ["http_server_request_duration_seconds", "dotnet_gc_collections_total", "db_client_connection_count", "modular_outbox_backlog"];
        foreach (var family in families)
        {
            scrape.ShouldContain($"# TYPE {family}", customMessage: $"{family} is served");
        }
    }

    [Fact]
    public async Task A_paid_pledge_moves_pledges_placed_and_completed_and_a_rendered_invoice_pdf_is_timed()
    {
        await using var host = new ModularHostFactory(platform.Settings);
        using var finance = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);
        var placedBefore = await PrometheusScrape.SumAsync(finance, "modular_funding_pledges_placed_total");
        var completedBefore = await PrometheusScrape.SumAsync(finance, "modular_funding_pledges_completed_total");
        var renderedBefore = await PrometheusScrape.SumAsync(finance, "modular_billing_pdf_render_duration_seconds_count");
        var funding = new Funding.FundingApi(host);
        var (project, tiers) = await funding.OpenProjectAsync(goal: 1_000_000, tiers: [Funding.FundingApi.Tier(10_000, null)]);
        using (var backer = funding.Backer())
        {
            await Funding.FundingApi.PledgedAsync(backer, project, tiers[0]);
        }

        using var billing = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        using var admin = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var customer = (await Billing.BillingApi.CustomersAsync(admin, 1, "metrics.example"))[0];
        var product = $"calls-{Guid.NewGuid():N}"[..14];
        await Billing.BillingApi.PriceAsync(billing, product, 10m, 0);
        var month = $"2033-{Random.Shared.Next(1, 13):00}";
        (await Billing.BillingApi.ImportCsvAsync(billing, $"organizationId,apiKey,batchDate,product,quantity,unit\n{customer.Id},k-{customer.Id:N},{month}-01,{product},5,call\n"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Billing.BillingApi.GenerateAsync(billing, month, customer.Id);
        var invoice = (await Billing.BillingApi.ListedAsync(billing, $"month={month}&organizationId={customer.Id}", 1)).GetProperty("items")[0].GetProperty("id").GetGuid();
        (await billing.GetAsync($"/api/billing/invoices/{invoice}/pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => await PrometheusScrape.SumAsync(finance, "modular_funding_pledges_placed_total") >= placedBefore + 1, Patience,
            "pledges_placed counted the pledge");
        await Eventually.HoldsAsync(async () => await PrometheusScrape.SumAsync(finance, "modular_funding_pledges_completed_total") >= completedBefore + 1, Patience,
            "pledges_completed counted its payment");
        (await PrometheusScrape.SumAsync(finance, "modular_billing_pdf_render_duration_seconds_count")).ShouldBeGreaterThanOrEqualTo(renderedBefore + 1);
    }

    [Fact]
    public async Task Only_operators_read_the_metrics_on_the_api_port()
    {
        using var anonymous = platform.Host.CreateClient();
        (await anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var customer = _api.Customer();
        (await customer.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var merchant = _api.Admin();
        (await merchant.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
