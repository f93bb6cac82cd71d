using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Billing;

[Collection(IntegrationCollection.Name)]
public sealed class InvoiceTests(TestPlatform platform)
{
    [Fact]
    public async Task An_invoice_bills_each_keys_latest_batch_of_the_month_with_the_minimum_fee_and_vat_and_regenerating_only_changes_a_draft()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var billing = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var customers = await BillingApi.CustomersAsync(admin, 2, "invoices.example");
        var (big, small) = (customers[0], customers[1]);
        var (calls, storage) = ($"calls-{Guid.NewGuid():N}"[..14], $"store-{Guid.NewGuid():N}"[..14]);
        await BillingApi.PriceAsync(billing, calls, 1.25m, 10_000);
        await BillingApi.PriceAsync(billing, storage, 0.3333m, 0);
        var month = $"2031-{Random.Shared.Next(1, 13):00}";
        // Batches are cumulative: key a's latest batch (the 20th) counts, not the sum; key b has one batch with two products.
        (await BillingApi.ImportCsvAsync(billing, $"""
            organizationId,apiKey,batchDate,product,quantity,unit
            {big.Id},a-{big.Id:N},{month}-10,{calls},1000,call
            {big.Id},a-{big.Id:N},{month}-20,{calls},10001,call
            {big.Id},b-{big.Id:N},{month}-15,{calls},2,call
            {big.Id},b-{big.Id:N},{month}-15,{storage},3,GB
            {small.Id},c-{small.Id:N},{month}-03,{calls},4,call
            """)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await BillingApi.GenerateAsync(billing, month, big.Id);
        var again = await BillingApi.GenerateAsync(billing, month, big.Id);
        await BillingApi.GenerateAsync(billing, month, small.Id);

        first.GetProperty("created").GetInt32().ShouldBe(1);
        again.GetProperty("unchanged").GetInt32().ShouldBe(1);
        var bigInvoice = await DetailAsync(billing, month, big.Id);
        // a: 10001 × 1.25 = 12501.25 → 12501; b: 2 × 1.25 = 2.5 → 3 (half away from zero); 3 × 0.3333 = 0.9999 → 1.
        bigInvoice.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("amount").GetInt64()).ShouldBe([12_501L, 3L, 1L]);
        bigInvoice.GetProperty("subtotal").GetInt64().ShouldBe(12_505L);
        bigInvoice.GetProperty("vat").GetInt64().ShouldBe(1_250L); // 1250.5 rounded down
        bigInvoice.GetProperty("total").GetInt64().ShouldBe(13_755L);
        bigInvoice.GetProperty("customerName").GetString().ShouldBe(big.Name);
        var smallInvoice = await DetailAsync(billing, month, small.Id);
        // 4 × 1.25 = 5 won, topped up to the plan's 10,000 won minimum by its own line.
        smallInvoice.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("product").GetString()).ShouldBe([calls, "minimum-fee"]);
        smallInvoice.GetProperty("subtotal").GetInt64().ShouldBe(10_000L);
        smallInvoice.GetProperty("total").GetInt64().ShouldBe(11_000L);

        // A later batch changes the Draft; once issued, a regeneration keeps it and a correction is a credit note.
        (await BillingApi.ImportCsvAsync(billing, $"organizationId,apiKey,batchDate,product,quantity,unit\n{big.Id},a-{big.Id:N},{month}-25,{calls},20000,call\n"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.GenerateAsync(billing, month, big.Id)).GetProperty("updated").GetInt32().ShouldBe(1);
        var updated = await DetailAsync(billing, month, big.Id);
        updated.GetProperty("subtotal").GetInt64().ShouldBe(25_004L);
        (await BillingApi.IssueAsync(billing, month, [updated.GetProperty("id").GetGuid()])).ShouldBe(1);
        (await BillingApi.ImportCsvAsync(billing, $"organizationId,apiKey,batchDate,product,quantity,unit\n{big.Id},a-{big.Id:N},{month}-28,{calls},90000,call\n"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.GenerateAsync(billing, month, big.Id)).GetProperty("kept").GetInt32().ShouldBe(1);
        var issued = await DetailAsync(billing, month, big.Id);
        issued.GetProperty("status").GetString().ShouldBe("Issued");
        issued.GetProperty("subtotal").GetInt64().ShouldBe(25_004L);
        var note = await billing.PostAsJsonAsync($"/api/billing/invoices/{issued.GetProperty("id").GetGuid()}/credit-notes", new { amount = 4, reason = "정정" });
        note.StatusCode.ShouldBe(HttpStatusCode.Created, await note.Content.ReadAsStringAsync());
        var credit = await note.Content.ReadFromJsonAsync<JsonElement>();
        (credit.GetProperty("kind").GetString(), credit.GetProperty("total").GetInt64(), credit.GetProperty("correctsId").GetGuid())
            .ShouldBe(("CreditNote", -4L, issued.GetProperty("id").GetGuid()));
        (await billing.GetAsync(note.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_filters_on_the_read_side_and_a_billing_customer_sees_only_its_own_issued_invoices_and_their_pdf()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var billing = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var customers = await BillingApi.CustomersAsync(admin, 3, "invoices.example", namePrefix: "주식회사 한빛");
        var product = $"calls-{Guid.NewGuid():N}"[..14];
        await BillingApi.PriceAsync(billing, product, 10m, 0);
        var month = $"2032-{Random.Shared.Next(1, 13):00}";
        var quantities = new[] { 100L, 200L, 300L };
        (await BillingApi.ImportCsvAsync(billing, "organizationId,apiKey,batchDate,product,quantity,unit\n" + string.Join('\n',
            customers.Select((customer, index) => $"{customer.Id},k-{customer.Id:N},{month}-01,{product},{quantities[index]},call")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var customer in customers)
        {
            await BillingApi.GenerateAsync(billing, month, customer.Id);
        }

        var mine = await DetailAsync(billing, month, customers[0].Id);
        var theirs = await DetailAsync(billing, month, customers[1].Id);
        await BillingApi.IssueAsync(billing, month, [mine.GetProperty("id").GetGuid(), theirs.GetProperty("id").GetGuid()]);

        // Totals 1,100 / 2,200 / 3,300 won: the range keeps the first two; the status filter the one left a Draft.
        foreach (var customer in customers)
        {
            await BillingApi.ListedAsync(billing, $"month={month}&organizationId={customer.Id}", 1);
        }

        await Eventually.HoldsAsync(async () =>
            (await billing.GetFromJsonAsync<JsonElement>($"/api/billing/invoices?month={month}&status=Issued&organizationId={customers[0].Id}"))
            .GetProperty("items").GetArrayLength() == 1, BillingApi.Patience, "the issue is projected");
        var inRange = await billing.GetFromJsonAsync<JsonElement>($"/api/billing/invoices?month={month}&minTotal=1000&maxTotal=2500&limit=200");
        inRange.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("organizationId").GetGuid())
            .Where(id => customers.Any(customer => customer.Id == id)).ShouldBe([customers[1].Id, customers[0].Id], ignoreOrder: true);
        var row = inRange.GetProperty("items").EnumerateArray().First(item => item.GetProperty("organizationId").GetGuid() == customers[0].Id);
        (row.GetProperty("customerName").GetString(), row.GetProperty("total").GetInt64(), row.GetProperty("status").GetString(), row.GetProperty("lines").GetInt32())
            .ShouldBe((customers[0].Name, 1_100L, "Issued", 1));
        (await billing.GetAsync("/api/billing/invoices?month=2031-13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var customerUser = platform.Host.CreateClientAs(Guid.CreateVersion7(), customers[0].Id, Roles.BillingCustomer);
        var own = await customerUser.GetFromJsonAsync<JsonElement>($"/api/billing/invoices?month={month}&organizationId={customers[1].Id}");
        own.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ShouldBe([mine.GetProperty("id").GetGuid()]);
        (await customerUser.GetAsync($"/api/billing/invoices/{theirs.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customerUser.GetAsync($"/api/billing/invoices/{theirs.GetProperty("id").GetGuid()}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var thirdUser = platform.Host.CreateClientAs(Guid.CreateVersion7(), customers[2].Id, Roles.BillingCustomer);
        var draft = await DetailAsync(billing, month, customers[2].Id);
        (await thirdUser.GetAsync($"/api/billing/invoices/{draft.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var pdf = await customerUser.GetAsync($"/api/billing/invoices/{mine.GetProperty("id").GetGuid()}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await BillingApi.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain(customers[0].Name);
        text.ShouldContain("합계");
        text.ShouldContain("1,100원");
        text.ShouldContain("1,000원");
        text.ShouldContain($"k-{customers[0].Id:N}");
        text.ShouldContain(product);
    }

    private static async Task<JsonElement> DetailAsync(HttpClient billing, string month, Guid organizationId)
    {
        var page = await BillingApi.ListedAsync(billing, $"month={month}&organizationId={organizationId}", 1);
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        return await billing.GetFromJsonAsync<JsonElement>($"/api/billing/invoices/{id}");
    }
}
