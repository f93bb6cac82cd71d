using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Pdf;

/// <summary>
/// HTML to PDF in Debian's Chromium headless shell through Playwright (see <see cref="BillingOptions.ChromiumPath"/>;
/// the full browser's headless mode starts a print-compositor process per PDF): one browser per process, launched on first use and
/// relaunched if it dies, and at most <see cref="BillingOptions.MaxPdfPages"/> pages, kept open and reused: a new page
/// is a new renderer process that loads the CJK fonts again (seconds on a busy machine), a reused one has them. A
/// missing executable fails the render loudly (the Host still starts: only PDFs need it).
/// </summary>
internal sealed class PdfRenderer(IOptions<BillingOptions> options, BillingMetrics metrics, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _pages = new(Math.Max(1, options.Value.MaxPdfPages));
    private readonly SemaphoreSlim _launch = new(1);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync(cancellationToken);
            var page = _idle.TryTake(out var idle) && !idle.IsClosed && idle.Context.Browser == browser ? idle : await browser.NewPageAsync();
            var reusable = false;
            try
            {
                // The page is self-contained (inline style, local fonts): nothing loads after the document.
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
                var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
                metrics.Rendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                reusable = true;
                return pdf;
            }
            finally
            {
                if (reusable)
                {
                    _idle.Add(page);
                }
                else
                {
                    await page.CloseAsync();
                }
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _pages.Dispose();
        _launch.Dispose();
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            var executable = options.Value.ChromiumPath;
            if (string.IsNullOrWhiteSpace(executable) || !File.Exists(executable))
            {
                throw new InvalidOperationException(
                    $"Chromium is not installed at '{executable}': set Billing:ChromiumPath or {BillingOptions.ChromiumVariable} (scripts/chromium pdf).");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                // Root in a container has no user namespace for Chromium's sandbox; the pages are our own templates.
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            });
            logger.LogInformation("Chromium launched from {Executable} for invoice PDFs", executable);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }
}
