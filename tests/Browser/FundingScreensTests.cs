using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class FundingScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task A_merchant_admin_creates_edits_and_opens_a_project_whose_page_follows_pledges_and_lists_them_live()
    {
        var (_, merchant, admin) = await console.Api.ShopAsync();
        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a project" }).ClickAsync();

        var today = DateTime.UtcNow;
        await page.GetByLabel("Merchant id").FillAsync(merchant.ToString());
        await page.GetByLabel("Goal (KRW)").FillAsync("100000");
        await page.GetByLabel("Starts at (UTC)").FillAsync(today.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Deadline (UTC)").FillAsync(today.AddDays(30).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a tier" }).ClickAsync();
        await page.GetByLabel("Tier 1 name").FillAsync("얼리버드");
        await page.GetByLabel("Tier 1 price (KRW)").FillAsync("20000");
        await page.GetByLabel("Tier 1 quantity (empty: unlimited)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Title").FillAsync("제주 감귤 농장");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "제주 감귤 농장" })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Draft");
        var projectId = Guid.Parse(Regex.Match(page.Url, "/funding/projects/([0-9a-f-]{36})").Groups[1].Value);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("제주 감귤 농장 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "제주 감귤 농장 2027" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Open for pledges" }).ClickAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Open");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);

        // A backer pledges through the storefront API; the open page reads its totals again by itself.
        var project = await console.Api.ReadAsync($"/api/funding/projects/{projectId}", read => read.GetProperty("status").GetString() == "Open", "the project is open");
        var tier = project.GetProperty("tiers")[0].GetProperty("id").GetGuid();
        await PledgeAsync(projectId, tier);
        await PledgeAsync(projectId, tier);
        await Expect(page.GetByLabel("Raised", new() { Exact = true })).ToHaveTextAsync("₩40,000", new() { Timeout = 60_000 });
        await Expect(page.GetByLabel("Backers", new() { Exact = true })).ToHaveTextAsync("2");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "얼리버드 ₩20,000 10 8 2" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Raised of the goal" })).ToHaveAttributeAsync("value", "40000");
        var pledges = page.GetByRole(AriaRole.Table, new() { Name = "Pledges" });
        await Expect(pledges.GetByRole(AriaRole.Row).Filter(new() { HasText = "얼리버드" })).ToHaveCountAsync(2);
        await Expect(pledges.GetByRole(AriaRole.Row).Filter(new() { HasText = "Completed" })).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("funding-project");

        // A declined card: the pledge list shows it Failed, with its reason, under its status filter.
        await PledgeAsync(projectId, tierId: null, amount: 5_000, cardToken: "tok_decline_insufficient_funds");
        await page.GetByLabel("Pledge status").SelectOptionAsync("Failed");
        await Expect(page).ToHaveURLAsync(new Regex("status=Failed"));
        await Expect(pledges.GetByRole(AriaRole.Row).Filter(new() { HasText = "no reward" })).ToContainTextAsync("Failed", new() { Timeout = 60_000 });
        await Expect(pledges.GetByRole(AriaRole.Row).Filter(new() { HasText = "얼리버드" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("funding-project-pledges");

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Open");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "제주 감귤 농장 2027" })).ToContainTextAsync("₩40,000");
        await browser.ScreenshotAsync("funding-projects");
    }

    private async Task PledgeAsync(Guid projectId, Guid? tierId, long? amount = null, string cardToken = "tok_visa_approve")
    {
        using var backer = await console.Api.ShopperAsync();
        await ConsoleApi.CreatedAsync(await backer.PostAsJsonAsync($"/api/funding/projects/{projectId}/pledges", new { tierId, amount, cardToken }));
    }
}
