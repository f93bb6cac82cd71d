using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class SettlementScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task A_merchant_admin_searches_its_ledger_exports_the_rows_downloads_the_file_and_reissues_its_expired_link()
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        var product = await console.Api.ProductAsync(admin, merchant, $"정산 테스트 상품 {ConsoleApi.Unique()}", price: 10_000);
        await console.Api.OrderAsync(product, 1);
        await console.Api.OrderAsync(product, 2);
        // The merchant admin's ledger is its organization's: the two payments' rows and their fee rows, once ledgered.
        await console.Api.ReadAsync("/api/settlement/ledger", read => read.GetProperty("items").GetArrayLength() == 4,
            "both payments are acquired and ledgered with their fee rows", admin.Email);

        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await browser.OpenScreenAsync("Ledger");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(4);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await page.GetByLabel("Requested from").FillAsync(today);
        await page.GetByLabel("Submitted from").FillAsync(today);
        await page.GetByLabel("Transaction type").SelectOptionAsync("Payment");
        await page.GetByLabel("Service type").SelectOptionAsync("Acquiring");
        await page.GetByLabel("Submit type").SelectOptionAsync("SameDay");
        await page.GetByLabel("PG").FillAsync("MODULARPG");
        await page.GetByLabel("Pay method").FillAsync("Card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("transactionType=Payment.*"));
        await Expect(page).ToHaveURLAsync(new Regex("pg=MODULARPG"));
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "₩20,000" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "₩10,000" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("settlement-ledger");

        // An inverted range is the API's 400, shown at its field.
        await page.GetByLabel("Requested to").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"));
        await Expect(page.GetByLabel("Requested to")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Requested to").FillAsync(today);

        await page.GetByRole(AriaRole.Button, new() { Name = "Export these rows" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports" })).ToBeVisibleAsync();
        var job = page.Locator("tbody tr").First;
        await Expect(job).ToContainTextAsync("Ready", new() { Timeout = 30_000 });
        await Expect(job.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("value", "2");
        await Expect(job.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Expect(job.Locator("td").Nth(4)).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? (B|KB)$"));
        await Expect(job).ToContainTextAsync("expires");
        await browser.ScreenshotAsync("settlement-exports");

        var file = await page.RunAndWaitForDownloadAsync(() => job.GetByRole(AriaRole.Link).ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await file.PathAsync())).Where(line => line.Length > 0).ToList();
        lines.Count.ShouldBe(3, "a header and the two payment rows");

        // The link lasts seconds here (ConsoleHost.ScreenSettings); once it expired, asking again signs a new one.
        var reissue = job.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Re-issue link") });
        await Expect(reissue).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(job).ToContainTextAsync("Link expired");
        await browser.ScreenshotAsync("settlement-export-expired");
        await reissue.ClickAsync();
        var again = await page.RunAndWaitForDownloadAsync(() => job.GetByRole(AriaRole.Link).ClickAsync());
        (await File.ReadAllLinesAsync(await again.PathAsync())).Where(line => line.Length > 0).Count().ShouldBe(3);
    }
}
