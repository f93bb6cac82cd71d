using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using Modular.Tests.Integration.Billing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class BillingScreensTests(ConsoleHost console)
{
    private static readonly LocatorAssertionsToContainTextOptions DispatchPatience = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_billing_operator_filters_the_month_s_invoices_dispatches_a_selection_then_all_matching_and_previews_a_pdf()
    {
        // Arrange as Billing's operators do: three customers' usage, a price plan, the month's invoices generated and issued.
        var admin = await console.Api.AdminAsync();
        var month = "2026-09";
        var product = $"console-api-{ConsoleApi.Unique()}";
        var customers = await BillingApi.CustomersAsync(admin, 3, "billing-console.example", "콘솔 고객사");
        // A fourth customer without a primary contact yet: its mail fails until the operator adds one.
        var uncontactedName = $"연락처 없는 고객사 {ConsoleApi.Unique()}";
        var created = await admin.PostAsJsonAsync("/api/iam/organizations",
            new { kind = "BillingCustomer", name = uncontactedName, registrationNumber = $"BILL-{Guid.NewGuid():N}" });
        var uncontacted = (await ConsoleApi.CreatedAsync(created)).GetProperty("id").GetGuid();
        await BillingApi.PriceAsync(admin, product, unitPrice: 12.5m, minimumFee: 0);
        await BillingApi.UsageAsync(admin, [.. customers, new Customer(uncontacted, "", "")], month, product, quantity: 1_000);
        await BillingApi.GenerateAsync(admin, month);
        await BillingApi.IssueAsync(admin, month);
        await BillingApi.ListedAsync(admin, $"month={month}&status=Issued", 4);
        var operatorEmail = await console.Api.OperatorAsync("BillingOperator");

        await using var browser = await console.SignedInAsync(operatorEmail);
        var page = browser.Page;
        await browser.OpenScreenAsync("Invoices");
        await page.GetByLabel("Month").FillAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Issued");
        await Expect(page).ToHaveURLAsync(new Regex($"month={month}&status=Issued"));
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);

        // A reload keeps the filters, and the list is one request, never one per row.
        var apiRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/")) apiRequests.Add(request.Url);
        };
        await page.ReloadAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Filter(new() { HasText = "₩13,750" })).ToHaveCountAsync(4);
        apiRequests.ShouldHaveSingleItem().ShouldContain($"/api/billing/invoices?month={month}&status=Issued");
        await browser.ScreenshotAsync("billing-invoices");

        // Dispatch three selected invoices and watch them go out: the one without a contact fails alone.
        await page.GetByLabel($"Select invoice of {customers[0].Name}").CheckAsync();
        await page.GetByLabel($"Select invoice of {customers[1].Name}").CheckAsync();
        await page.GetByLabel($"Select invoice of {uncontactedName}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch selected (3)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Dispatch ") })).ToBeVisibleAsync();
        var facts = page.GetByLabel("Dispatch", new() { Exact = true });
        await Expect(facts).ToContainTextAsync("Completed", DispatchPatience);
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Dispatch progress" })).ToHaveAttributeAsync("value", "3");
        await Expect(page.GetByText("3 of 3 (100%)")).ToBeVisibleAsync();
        var outcomes = page.GetByRole(AriaRole.Table, new() { Name = "Outcomes" }).Locator("tbody tr");
        var sent = outcomes.Filter(new() { HasText = "Sent" });
        await Expect(outcomes).ToHaveCountAsync(3);
        await Expect(sent).ToHaveCountAsync(2);
        await Expect(sent.Filter(new() { HasText = customers[0].Email })).ToHaveCountAsync(1);
        await Expect(sent.Filter(new() { HasText = customers[1].Email })).ToHaveCountAsync(1);
        await Expect(outcomes.Filter(new() { HasText = "Failed" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeDisabledAsync();
        await browser.ScreenshotAsync("billing-dispatch");

        // Once the customer has a contact, "Retry failed" mails that invoice; the sent ones stay sent.
        var contact = await admin.PostAsJsonAsync($"/api/iam/organizations/{uncontacted}/contacts",
            new { name = "경리팀", email = $"billing.{uncontacted:N}@billing-console.example", isPrimary = true });
        await ConsoleApi.CreatedAsync(contact);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry failed (1)" }).ClickAsync();
        await Expect(sent).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(sent.Filter(new() { HasText = $"billing.{uncontacted:N}@" })).ToHaveCountAsync(1);
        await Expect(facts).ToContainTextAsync("Completed", DispatchPatience);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Retry failed") })).ToBeDisabledAsync();

        // "All matching" hands the filter to the server: only the third invoice is still Issued.
        await browser.GoAsync($"/billing/invoices?month={month}&status=Issued");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispatch all matching" }).ClickAsync();
        await Expect(facts).ToContainTextAsync("Completed", DispatchPatience);
        await Expect(outcomes).ToHaveCountAsync(1);
        await Expect(outcomes.First).ToContainTextAsync(customers[2].Email);
        await Expect(outcomes.First).ToContainTextAsync("Sent");

        // The list shows them Sent once the read side has them; one invoice's PDF, rendered by the server, in the page.
        await browser.GoAsync($"/billing/invoices?month={month}&status=Sent");
        await Expect(rows).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await rows.Filter(new() { HasText = customers[0].Name }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByLabel("Invoice", new() { Exact = true })).ToContainTextAsync(customers[0].Name);
        var pdf = page.Locator("iframe[title='Invoice PDF']");
        await Expect(pdf).ToHaveAttributeAsync("src", new Regex("^blob:"), new() { Timeout = 30_000 });
        // Headless Chromium has no PDF viewer to draw it, so the test reads what the frame was given: the server's PDF.
        var shown = await pdf.EvaluateAsync<string>(
            "async frame => { const blob = await (await fetch(frame.src)).blob(); return blob.type + ' ' + (await blob.slice(0, 5).text()); }");
        shown.ShouldBe("application/pdf %PDF-");
        await browser.ScreenshotAsync("billing-invoice-pdf");
    }

    [Fact]
    public async Task The_billing_screens_are_hidden_from_a_finance_operator()
    {
        await using var browser = await console.SignedInAsync(await console.Api.OperatorAsync("FinanceOperator"));
        await Expect(browser.Navigation.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true })).ToHaveCountAsync(0);
        await browser.GoAsync("/billing/invoices");
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not available to your role");
    }
}
