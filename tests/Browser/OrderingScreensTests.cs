using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class OrderingScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task A_merchant_admin_creates_edits_and_restocks_a_product()
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Catalogue" }).ClickAsync();

        var name = $"유기농 녹차 {ConsoleApi.Unique()}";
        await page.GetByLabel("Merchant id").FillAsync(merchant.ToString());
        await page.GetByLabel("Product name").FillAsync(name);
        await page.GetByLabel("Price (KRW)").FillAsync("-5");
        await page.GetByLabel("Initial stock").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Expect(page.GetByLabel("Price (KRW)")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Price (KRW)").FillAsync("12000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("₩12,000");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = $"Edit {name}" });
        await edit.GetByLabel("Price (KRW)").FillAsync("13500");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(row).ToContainTextAsync("₩13,500");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        var restock = page.GetByRole(AriaRole.Form, new() { Name = $"Restock {name}" });
        await restock.GetByLabel("Add to stock").FillAsync("5");
        await restock.GetByRole(AriaRole.Button, new() { Name = "Restock" }).ClickAsync();
        await Expect(row).ToContainTextAsync("₩13,50015Active");
        await browser.ScreenshotAsync("ordering-catalogue");
    }

    [Fact]
    public async Task Staff_search_orders_by_status_and_product_and_read_an_orders_timeline()
    {
        var (organization, merchant, admin) = await console.Api.ShopAsync();
        var product = await console.Api.ProductAsync(admin, merchant, $"한정판 머그컵 {ConsoleApi.Unique()}");
        var order = await console.Api.OrderAsync(product, 2);
        await console.Api.ReadAsync($"/api/ordering/orders/{order}", read => read.GetProperty("status").GetString() == "Paid", "the order is paid");
        var user = await console.Api.UserAsync(organization, "MerchantUser");

        await using var browser = await console.SignedInAsync(user.Email);
        var page = browser.Page;
        await browser.OpenScreenAsync("Orders");
        await page.GetByLabel("Status").SelectOptionAsync("Paid");
        await page.GetByLabel("Product id").FillAsync(product.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"status=Paid.*productId={product}"));
        var link = page.GetByRole(AriaRole.Link, new() { Name = order.ToString()[..8] });
        await Expect(link).ToBeVisibleAsync();
        await browser.ScreenshotAsync("ordering-orders");

        // The filters live in the URL: a reload keeps them.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Status")).ToHaveValueAsync("Paid");
        await Expect(link).ToBeVisibleAsync();

        await link.ClickAsync();
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        await Expect(timeline).ToContainTextAsync("PendingPayment");
        await Expect(timeline).ToContainTextAsync("Paid");
        await Expect(page.GetByText("₩30,000")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("ordering-order-timeline");
    }

    [Fact]
    public async Task A_merchant_admin_opens_a_bulk_order_and_reads_each_lines_result()
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        var tea = await console.Api.ProductAsync(admin, merchant, $"대량 녹차 {ConsoleApi.Unique()}", stock: 10);
        var mug = await console.Api.ProductAsync(admin, merchant, $"대량 머그컵 {ConsoleApi.Unique()}", stock: 1);
        // The mug's line asks for more than its stock: best effort orders the tea and reports the mug short.
        var bulk = await console.Api.BulkOrderAsync((tea, 4), (mug, 3));
        await console.Api.ReadAsync(
            $"/api/ordering/bulk-orders?status=Completed", page => page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetGuid() == bulk),
            "the staff's list shows the bulk order Completed", admin.Email);

        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await browser.OpenScreenAsync("Bulk orders");
        await page.GetByLabel("Status").SelectOptionAsync("Completed");
        await Expect(page).ToHaveURLAsync(new Regex("status=Completed"));
        var link = page.GetByRole(AriaRole.Link, new() { Name = bulk.ToString()[^8..] });
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = link });
        await Expect(row).ToContainTextAsync("BestEffortCompleted2110");
        await browser.ScreenshotAsync("ordering-bulk-orders");

        await link.ClickAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Line results" });
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "대량 녹차" })).ToContainTextAsync("4Reserved");
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "대량 머그컵" })).ToContainTextAsync("3Short");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Order ") })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("ordering-bulk-order");
    }
}
