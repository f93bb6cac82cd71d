using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using Modular.Tests.Integration.Hardening;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class ShellTests(ConsoleHost console)
{
    [Fact]
    public async Task A_wrong_password_is_refused_and_the_platform_admin_then_sees_every_section()
    {
        await using var browser = await console.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(HostProcess.AdminEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or password is not correct");
        await browser.ScreenshotAsync("login");

        await browser.LogInAsync(HostProcess.AdminEmail, HostProcess.AdminPassword);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var screen in new[] { "Organizations", "Users", "Invitations", "Catalogue", "Orders", "Merchants", "Bulk upload", "Transactions",
                     "Acquiring errors", "Acquiring loop", "Fraud detections", "Projects", "Ledger", "Exports" })
        {
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = screen, Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_risk_manager_is_not_shown_the_screens_it_may_not_use_and_reaching_one_says_so()
    {
        var riskManager = await console.Api.OperatorAsync("RiskManager");
        await using var browser = await console.SignedInAsync(riskManager);
        var navigation = browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Transactions" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Bulk upload" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Invitations" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Fraud detections" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Acquiring errors" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Ledger" })).ToHaveCountAsync(0);

        // The address typed or bookmarked: the Host answers index.html, the console says the role may not use it.
        await browser.GoAsync("/acquisition/imports");
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not available to your role");
        await browser.ScreenshotAsync("not-allowed");
        await browser.GoAsync("/settlement/ledger");
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not available to your role");
    }

    [Fact]
    public async Task An_unknown_api_path_stays_a_404_problem_while_console_addresses_get_the_app()
    {
        using var client = console.Host.CreateClient();
        var api = await client.GetAsync("/api/no-such-module/things");
        api.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var screen = await client.GetAsync("/funding/projects/0197d7e6-0000-7000-8000-000000000000");
        screen.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        screen.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await screen.Content.ReadAsStringAsync()).ShouldContain("<div id=\"root\"></div>");
    }
}
