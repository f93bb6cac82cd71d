using System.Diagnostics;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;

namespace Modular.Bench.Billing.Reference;

/// <summary>
/// The seed's send API, minimal: ONE synchronous request carries every invoice (its PDF rendered by the client); for
/// each it looks up the customer, then its contacts, in IAM's tables (two queries per invoice, on a pool sized as the
/// seed's was, larger than IAM's budget), then mails it straight to the SMTP server with a new connection, unpaced and
/// without retry. It answers when the last one is done.
/// </summary>
internal sealed class SeedSendApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _iam;
    private readonly string _smtpHost;
    private readonly int _smtpPort;
    private int _iamQueries;

    private SeedSendApi(WebApplication app, NpgsqlDataSource iam, string smtpHost, int smtpPort) =>
        (_app, _iam, _smtpHost, _smtpPort) = (app, iam, smtpHost, smtpPort);

    public Uri Address => new(_app.Urls.First());

    public int IamQueries => Volatile.Read(ref _iamQueries);

    public static async Task<SeedSendApi> StartAsync(string iamConnectionString, string smtpHost, int smtpPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The seed's send API took every selected invoice's PDF in one request body (hundreds of MB for 1,000).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var api = new SeedSendApi(app, NpgsqlDataSource.Create(iamConnectionString), smtpHost, smtpPort);
        app.MapPost("/send", (SendRequest request) => api.SendAllAsync(request));
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _iam.DisposeAsync();
    }

    private async Task<SendResult> SendAllAsync(SendRequest request)
    {
        var watch = Stopwatch.StartNew();
        var failures = new Dictionary<string, int>();
        var sent = 0;
        foreach (var invoice in request.Invoices)
        {
            try
            {
                var customer = await CustomerNameAsync(invoice.OrganizationId);
                var recipient = await PrimaryContactAsync(invoice.OrganizationId);
                await MailAsync(invoice, customer, recipient);
                sent++;
            }
            catch (Exception failure) when (failure is SmtpCommandException or SmtpProtocolException or IOException or NpgsqlException)
            {
                var reason = failure is SmtpCommandException smtp ? $"smtp {(int)smtp.StatusCode}" : failure.GetType().Name;
                failures[reason] = failures.GetValueOrDefault(reason) + 1;
            }
        }

        return new SendResult(sent, failures.Values.Sum(), failures, Math.Round(watch.Elapsed.TotalSeconds, 2));
    }

    private async Task<string> CustomerNameAsync(Guid organizationId)
    {
        Interlocked.Increment(ref _iamQueries);
        await using var command = _iam.CreateCommand("SELECT name FROM iam.organizations WHERE id = $1");
        command.Parameters.AddWithValue(organizationId);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no organization {organizationId}"));
    }

    private async Task<string> PrimaryContactAsync(Guid organizationId)
    {
        Interlocked.Increment(ref _iamQueries);
        await using var command = _iam.CreateCommand("SELECT email FROM iam.contacts WHERE organization_id = $1 AND is_primary");
        command.Parameters.AddWithValue(organizationId);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no contact for {organizationId}"));
    }

    private async Task MailAsync(SeedInvoice invoice, string customer, string recipient)
    {
        var message = new MimeMessage { Subject = $"{customer} invoice" };
        message.From.Add(MailboxAddress.Parse("billing@seed.example"));
        message.To.Add(MailboxAddress.Parse(recipient));
        var body = new BodyBuilder { TextBody = $"Invoice {invoice.InvoiceId}" };
        body.Attachments.Add($"invoice-{invoice.InvoiceId}.pdf", invoice.Pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(_smtpHost, _smtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
    }
}

internal sealed record SeedInvoice(Guid InvoiceId, Guid OrganizationId, byte[] Pdf);

internal sealed record SendRequest(IReadOnlyList<SeedInvoice> Invoices);

internal sealed record SendResult(int Sent, int Failed, IReadOnlyDictionary<string, int> Failures, double Seconds);
