using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class AcquisitionScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task The_platform_admin_opens_a_merchant_from_the_list_and_changes_its_settings()
    {
        var organization = await console.Api.OrganizationAsync();
        var merchant = await console.Api.MerchantAsync(organization, $"서울커피 {ConsoleApi.Unique()}");
        var name = merchant.GetProperty("name").GetString()!;
        await using var browser = await console.AsAdminAsync();
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Merchants" }).ClickAsync();
        await browser.MoreUntilVisibleAsync(page.GetByRole(AriaRole.Link, new() { Name = name }));
        await browser.ScreenshotAsync("acquisition-merchants");

        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByLabel("Fee rate (fraction, e.g. 0.025)").FillAsync("2.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByLabel("Fee rate (fraction, e.g. 0.025)")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Fee rate (fraction, e.g. 0.025)").FillAsync("0.031");
        await page.GetByLabel("Settlement cycle").SelectOptionAsync("Weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("3.10%");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Weekly");
        await browser.ScreenshotAsync("acquisition-merchant-settings");
    }

    [Fact]
    public async Task A_bulk_upload_with_bad_cells_shows_each_at_its_row_and_column_and_stores_nothing_until_the_file_is_clean()
    {
        var organization = await console.Api.OrganizationAsync();
        await console.Api.MerchantAsync(organization); // Acquisition knows the organization now.
        var good = $"부산상회 {ConsoleApi.Unique()}";
        var other = $"대구상점 {ConsoleApi.Unique()}";
        string Sheet(string fee) => $"organizationId,name,feeRate,vatRule,settlementCycle\n{organization},{good},0.025,Taxable10Percent,D1\n{organization},{other},{fee},Exempt,Fortnightly\n";

        await using var browser = await console.AsAdminAsync();
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Bulk upload" }).ClickAsync();
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the .csv template" }).ClickAsync());
        template.SuggestedFilename.ShouldBe("merchants.csv");
        (await File.ReadAllTextAsync(await template.PathAsync())).ShouldContain("feeRate");

        await page.GetByLabel("Merchant file (.xlsx, .csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "merchants.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Sheet("0..025")),
        });

        var grid = page.GetByRole(AriaRole.Table, new() { Name = "Bad cells" });
        await Expect(grid).ToBeVisibleAsync();
        await Expect(grid.Locator("td.bad[data-row='3'][data-column='feeRate']")).ToContainTextAsync("0..025");
        await Expect(grid.Locator("td.bad[data-row='3'][data-column='settlementCycle']")).ToContainTextAsync("Fortnightly");
        await Expect(grid.Locator("td.bad[data-row='2']")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("acquisition-bulk-upload");

        await page.GetByLabel("Merchant file (.xlsx, .csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "merchants-fixed.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Sheet("0.03").Replace("Fortnightly", "Weekly")),
        });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 merchants imported from merchants-fixed.csv.");
        await Expect(grid).ToHaveCountAsync(0);

        // Had the refused upload stored its good row, the list would now hold that merchant twice.
        List<string> names = [];
        await Eventually.HoldsAsync(async () => (names = await MerchantNamesAsync()).Contains(good) && names.Contains(other),
            TimeSpan.FromSeconds(30), "the list shows both imported merchants");
        names.Count(name => name == good).ShouldBe(1);
    }

    [Fact]
    public async Task Merchant_staff_see_their_merchants_transactions()
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        var product = await console.Api.ProductAsync(admin, merchant, $"수제 쿠키 {ConsoleApi.Unique()}", price: 7_000);
        var order = await console.Api.OrderAsync(product, 3);
        await console.Api.ReadAsync($"/api/acquisition/transactions?merchantId={merchant}",
            read => read.GetProperty("items").EnumerateArray().Any(transaction => transaction.GetProperty("status").GetString() == "Approved"),
            $"the payment of order {order} is listed approved");

        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Transactions" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Approved");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "₩21,000" });
        await Expect(row).ToContainTextAsync("Approved");
        await Expect(row).ToContainTextAsync(merchant.ToString()[..8]);
        await browser.ScreenshotAsync("acquisition-transactions");
    }

    private async Task<List<string>> MerchantNamesAsync()
    {
        var admin = await console.Api.AdminAsync();
        var names = new List<string>();
        string? before = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/merchants?limit=200{(before is null ? "" : $"&before={before}")}");
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(merchant => merchant.GetProperty("name").GetString()!));
            before = page.GetProperty("nextBefore").GetString();
        }
        while (before is not null);
        return names;
    }
}
