using System.Collections.Concurrent;
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
    /// <summary>
    /// What the Acquisition and Settlement screens need to show within a test: a quick acquiring loop; payments above
    /// 1,000,000 KRW refused by it (acquiring errors made through the API, as a bad merchant's would be); FDS's amount rule
    /// at 500,000 KRW; a signed export link that expires in seconds, so its re-issue can be seen. Every other test's
    /// amounts stay far below these.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ScreenSettings = new Dictionary<string, string>
    {
        ["Acquisition:Acquiring:Interval"] = "00:00:00.200",
        ["Acquisition:Acquiring:MaxAmount"] = "1000000",
        ["Acquisition:Fraud:AmountThreshold"] = "500000",
        ["Settlement:Exports:LinkLifetime"] = "00:00:08",
        ["Settlement:Exports:PollInterval"] = "00:00:00.500",
    };

    private readonly TestPlatform _platform = new();
    private readonly ConcurrentDictionary<string, string> _sessions = new();
    private HostProcess? _host;
    private ConsoleApi? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The console host has not started.");

    public ConsoleApi Api => _api ?? throw new InvalidOperationException("The console host has not started.");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MODULAR_CHROMIUM") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("MODULAR_CHROMIUM is not set: run the tests through ./test.sh, or export MODULAR_CHROMIUM=$(scripts/chromium up).");
        await _platform.InitializeAsync();
        var starting = HostProcess.StartAsync(_platform.Settings.Concat(ScreenSettings).ToDictionary());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        _host = await starting;
        _api = new ConsoleApi(_host);
    }

    /// <summary>
    /// A fresh browser context on the console, signed in as the user: the first time through the login screen, later
    /// with the session that login stored (the console keeps it in sessionStorage), so a test does not pay for a login.
    /// </summary>
    public async Task<ConsolePage> SignedInAsync(string email, string password = ConsoleApi.Password)
    {
        var page = await OpenAsync();
        if (_sessions.TryGetValue(email, out var session))
        {
            await page.RestoreSessionAsync(session);
            return page;
        }

        await page.LogInAsync(email, password);
        _sessions[email] = await page.StoredSessionAsync();
        return page;
    }

    /// <summary>Signed in as the Host's bootstrap platform admin.</summary>
    public Task<ConsolePage> AsAdminAsync() => SignedInAsync(HostProcess.AdminEmail, HostProcess.AdminPassword);

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
