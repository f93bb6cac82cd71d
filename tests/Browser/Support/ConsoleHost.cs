using Microsoft.Playwright;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Browser.Support;

/// <summary>
/// What the browser tests share: the integration tests' platform (PostgreSQL and RabbitMQ containers, SMTP sink), the
/// built Host as a process on a real port (it serves the console from its wwwroot), and one headless Debian Chromium.
/// </summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    private readonly TestPlatform _platform = new();
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The console host has not started.");

    public ConsoleApi Api => new(Host);

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MODULAR_CHROMIUM") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("MODULAR_CHROMIUM is not set: run the tests through ./test.sh, or export MODULAR_CHROMIUM=$(scripts/chromium up).");
        await _platform.InitializeAsync();
        var starting = HostProcess.StartAsync(_platform.Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        _host = await starting;
    }

    /// <summary>A fresh browser context (no session storage, no cookies) on the console.</summary>
    public async Task<ConsolePage> OpenAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(15_000);
        return new ConsolePage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>
{
    public const string Name = "console";
}
