using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

/// <summary>The acquiring loop's screens: its errors (refused payments, made through the API), its live chart, and FDS review.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AcquiringScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task Finance_finds_the_refused_payments_retries_both_abandons_one_with_a_note_and_watches_the_loop()
    {
        // Two payments above the loop's MaxAmount (ConsoleHost.ScreenSettings): approved by the card network, refused by the loop.
        var (merchant, product) = await MerchantWithProductAsync(600_000);
        await console.Api.OrderAsync(product, 2);
        await console.Api.OrderAsync(product, 2);
        await console.Api.ReadAsync($"/api/acquisition/acquiring-errors?merchantId={merchant}", read => read.GetProperty("items").GetArrayLength() == 2,
            "both payments are set apart as acquiring errors");

        var finance = await console.Api.OperatorAsync("FinanceOperator");
        await using var browser = await console.SignedInAsync(finance);
        var page = browser.Page;
        await browser.OpenScreenAsync("Acquiring errors");
        await page.GetByLabel("Merchant id").FillAsync(merchant.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"merchantId={merchant}"));
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("amount.out_of_range");
        await Expect(rows.First).ToContainTextAsync("Open");

        foreach (var box in await page.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Retry selected (2)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 errors will be retried on the loop's next run.");
        await browser.ScreenshotAsync("acquisition-acquiring-errors");

        // The detail reads itself again while the error is open: the loop's retry (refused again) shows as a count.
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByLabel("Payload")).ToContainTextAsync("1200000");
        await Expect(page.GetByLabel("Reasons")).ToContainTextAsync("amount.out_of_range");
        await Expect(Fact(page, "Retries")).Not.ToHaveTextAsync("0", new() { Timeout = 30_000 });

        await page.GetByLabel("Close as").SelectOptionAsync("Abandoned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close error" }).ClickAsync();
        await Expect(page.GetByLabel("Note")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Note").FillAsync("금액 초과: 가맹점에 환불 안내함.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close error" }).ClickAsync();
        await Expect(Fact(page, "Status")).ToHaveTextAsync("Abandoned");
        await Expect(Fact(page, "Note")).ToHaveTextAsync("금액 초과: 가맹점에 환불 안내함.");
        await browser.ScreenshotAsync("acquisition-acquiring-error");

        await browser.GoAsync($"/acquisition/acquiring-errors?merchantId={merchant}&status=Abandoned");
        await Expect(rows).ToHaveCountAsync(1);

        // The chart reads the loop every 2 s: this host's loop has set payments apart, and two readings draw the lines.
        await browser.OpenScreenAsync("Acquiring loop");
        await Expect(Fact(page, "Isolated in all")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await Expect(Fact(page, "Lag")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? s$"));
        // Three lines are drawn (a flat line at 0 has no height, so "drawn" is "in the chart", not "visible").
        await Expect(page.Locator("figure path.recharts-line-curve")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Expect(Fact(page, "Acquired/s")).Not.ToHaveTextAsync("—");
        await browser.ScreenshotAsync("acquisition-acquiring-chart");
    }

    [Fact]
    public async Task A_risk_manager_reviews_a_large_payment_detected_by_the_amount_rule()
    {
        var (merchant, product) = await MerchantWithProductAsync(800_000);
        await console.Api.OrderAsync(product, 1);
        // By rule: the sandbox's approving card is every shopper's, so the card velocity rule may flag the payment too.
        await console.Api.ReadAsync($"/api/acquisition/fraud-detections?merchantId={merchant}&rule=amount_threshold",
            read => read.GetProperty("items").GetArrayLength() == 1, "the payment above the FDS amount threshold is detected");

        var riskManager = await console.Api.OperatorAsync("RiskManager");
        await using var browser = await console.SignedInAsync(riskManager);
        var page = browser.Page;
        await browser.OpenScreenAsync("Fraud detections");
        await page.GetByLabel("Rule").SelectOptionAsync("amount_threshold");
        await page.GetByLabel("Merchant id").FillAsync(merchant.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("rule=amount_threshold"));
        var row = page.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("₩800,000");
        await Expect(row).ToContainTextAsync("Open");
        await browser.ScreenshotAsync("acquisition-fraud-detections");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync();
        await Expect(page.GetByLabel("Review note")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Review note").FillAsync("단골 고객의 대량 구매, 정상 거래 확인.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync();
        await Expect(Fact(page, "Status")).ToHaveTextAsync("Reviewed");
        await Expect(Fact(page, "Review note")).ToHaveTextAsync("단골 고객의 대량 구매, 정상 거래 확인.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("acquisition-fraud-detection");
    }

    /// <summary>The value next to a label in a screen's facts list.</summary>
    private static ILocator Fact(IPage page, string label) => page.Locator($"dl.facts dt:text-is('{label}') + dd");

    private async Task<(Guid Merchant, Guid Product)> MerchantWithProductAsync(long price)
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        return (merchant, await console.Api.ProductAsync(admin, merchant, $"고가 상품 {ConsoleApi.Unique()}", price));
    }
}
