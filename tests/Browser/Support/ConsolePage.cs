using Microsoft.Playwright;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Browser.Support;

/// <summary>One test's browser context and page, with the console's login and the screenshots the README links.</summary>
public sealed class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public static string ScreenshotFolder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "docs", "screenshots");

    public IPage Page => page;

    /// <summary>Logs in through the login screen, as a user would, and waits for the signed-in shell.</summary>
    public async Task LogInAsync(string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
    }

    /// <summary>Goes to a console address (the Host answers it with index.html; the app routes it).</summary>
    public Task GoAsync(string path) => page.GotoAsync(path);

    /// <summary>A full-page screenshot of the screen as the test leaves it, for docs/screenshots.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
