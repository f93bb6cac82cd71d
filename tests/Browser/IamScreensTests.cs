using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Tests.Browser.Support;
using Modular.Tests.Integration.Hardening;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser;

[Collection(ConsoleCollection.Name)]
public sealed class IamScreensTests(ConsoleHost console)
{
    [Fact]
    public async Task The_platform_admin_finds_an_organization_and_adds_a_contact_after_fixing_its_fields()
    {
        var name = $"한빛상사 {ConsoleApi.Unique()}";
        var organization = await console.Api.OrganizationAsync(name);
        await using var browser = await console.AsAdminAsync();
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Organizations" }).ClickAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("Merchant");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=Merchant"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("iam-organizations");

        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await page.GetByLabel("Contact e-mail").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.GetByLabel("Contact name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Contact e-mail")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Contact name").FillAsync("김지우");
        await page.GetByLabel("Contact e-mail").FillAsync("jiwoo.kim@hanbit.test");
        await page.GetByLabel("Primary contact").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "김지우 jiwoo.kim@hanbit.test Yes" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("iam-organization-detail");

        var stored = await console.Api.ReadAsync($"/api/iam/organizations/{organization}", read => read.GetProperty("contacts").GetArrayLength() == 1,
            "the contact is stored");
        stored.GetProperty("contacts")[0].GetProperty("email").GetString().ShouldBe("jiwoo.kim@hanbit.test");
    }

    [Fact]
    public async Task A_merchant_admin_creates_a_user_then_disables_it()
    {
        var organization = await console.Api.OrganizationAsync();
        var admin = await console.Api.UserAsync(organization, "MerchantAdmin");
        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();

        var email = $"new.{ConsoleApi.Unique()}@browser.test";
        await page.GetByLabel("New user's e-mail").FillAsync(email);
        await page.GetByLabel("New user's name").FillAsync("박서준");
        await page.GetByLabel("Initial password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.GetByLabel("Initial password")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("password has 10"));

        await page.GetByLabel("Initial password").FillAsync("a-long-enough-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("박서준");
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {email}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Disabled");
        await browser.ScreenshotAsync("iam-users");

        using var client = console.Host.CreateClient();
        (await client.PostAsJsonAsync("/api/iam/token", new { email, password = "a-long-enough-password" })).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_merchant_admin_pastes_addresses_and_watches_the_job_finish_with_a_result_per_row()
    {
        var organization = await console.Api.OrganizationAsync();
        var admin = await console.Api.UserAsync(organization, "MerchantAdmin");
        await using var browser = await console.SignedInAsync(admin.Email);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Invitations" }).ClickAsync();

        var first = $"invitee.{ConsoleApi.Unique()}@browser.test";
        var second = $"invitee.{ConsoleApi.Unique()}@browser.test";
        await page.GetByLabel("E-mail addresses").FillAsync($"{first}\nnot-an-address\n{second}, {first}\n{admin.Email}");
        await Expect(page.GetByText("5 addresses")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invitation job" })).ToBeVisibleAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Invitations processed" });
        await Expect(progress).ToBeVisibleAsync();
        await Expect(page.GetByText("Status: Completed")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(progress).ToHaveAttributeAsync("value", "5");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "not-an-address" })).ToContainTextAsync("Invalid");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = admin.Email })).ToContainTextAsync("AlreadyRegistered");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"1 {first} Sent" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"3 {second} Sent" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"4 {first} Duplicate" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("iam-invitation-job");
    }
}
