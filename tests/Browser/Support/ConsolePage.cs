using System.Text.Json;
using Microsoft.Playwright;
using Modular.Tests.Integration.Support;
using static Microsoft.Playwright.Assertions;

namespace Modular.Tests.Browser.Support;

/// <summary>One test's browser context and page, with the console's login and the screenshots the README links.</summary>
public sealed class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>Where web/src/auth/session.tsx keeps the signed-in session.</summary>
    private const string SessionKey = "modular.console.session";

    public static string ScreenshotFolder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "docs", "screenshots");

    public IPage Page => page;

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>Logs in through the login screen, as a user would, and waits for the signed-in shell.</summary>
    public async Task LogInAsync(string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(Navigation).ToBeVisibleAsync();
    }

    /// <summary>The session a login left in the page's sessionStorage.</summary>
    public async Task<string> StoredSessionAsync() =>
        await page.EvaluateAsync<string>($"() => sessionStorage.getItem('{SessionKey}')");

    /// <summary>Puts a stored session into this context's sessionStorage before the console starts, then opens the signed-in shell.</summary>
    public async Task RestoreSessionAsync(string session)
    {
        await context.AddInitScriptAsync($"if (!sessionStorage.getItem('{SessionKey}')) sessionStorage.setItem('{SessionKey}', {JsonSerializer.Serialize(session)});");
        await page.GotoAsync("/");
        await Expect(Navigation).ToBeVisibleAsync();
    }

    /// <summary>Opens a screen from the navigation, as a user would.</summary>
    public Task OpenScreenAsync(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Goes to a console address (the Host answers it with index.html; the app routes it).</summary>
    public Task GoAsync(string path) => page.GotoAsync(path);

    /// <summary>Presses "Load more" until the target is on the page: lists are keyset-paged, newest first.</summary>
    public async Task MoreUntilVisibleAsync(ILocator target)
    {
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Load more" });
        await Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        while (await target.CountAsync() == 0 && await more.CountAsync() > 0)
        {
            await more.ClickAsync();
        }

        await Expect(target).ToBeVisibleAsync();
    }

    /// <summary>A full-page screenshot of the screen as the test leaves it, for docs/screenshots.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
