using System.Threading.RateLimiting;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Polly;
using Polly.Retry;

namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>
/// MailKit over pooled, reused connections: fully asynchronous (System.Net.Mail's SmtpClient blocks threads, and with
/// socket completions inline that stalled every database and HTTP answer of the process) and cancellable at every step.
/// One process-wide token bucket paces every send (SMTP relays throttle or blacklist bursts); each attempt takes a
/// permit, so retries count against the rate too. A transient 4xx reply or a failed connection is retried with
/// exponential backoff and jitter on a fresh connection; a 5xx reply is final.
/// </summary>
internal sealed class SmtpEmailSender : IEmailSender, IDisposable
{
    private readonly EmailOptions _options;
    private readonly TokenBucketRateLimiter _limiter;
    private readonly SmtpConnectionPool _connections;
    private readonly ResiliencePipeline _retry;

    public SmtpEmailSender(SmtpSettings smtp, IOptions<EmailOptions> options)
    {
        _options = options.Value;
        _limiter = new TokenBucketRateLimiter(BucketFor(_options));
        _connections = new SmtpConnectionPool(smtp, _options.Connections);
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(SmtpFailures.IsTransient),
            })
            .Build();
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = MimeOf(message);
        try
        {
            await _retry.ExecuteAsync(async token => await SendOnceAsync(mail, token), cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            throw new EmailDeliveryException($"SMTP refused the e-mail to {message.To} ({(int)exception.StatusCode}).", exception);
        }
        catch (Exception exception) when (SmtpFailures.IsTransient(exception))
        {
            throw new EmailDeliveryException($"The e-mail to {message.To} could not be delivered: {exception.Message}", exception);
        }
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _connections.Dispose();
    }

    /// <summary>
    /// Refills in small steps (every 100 ms, or one permit at a time below 10 per second) so the sustained rate is
    /// PermitsPerSecond even when Burst is smaller; the bucket holds at most Burst permits.
    /// </summary>
    internal static TokenBucketRateLimiterOptions BucketFor(EmailOptions options)
    {
        var perSecond = Math.Max(1, options.PermitsPerSecond);
        var (period, tokens) = perSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), (int)Math.Ceiling(perSecond / 10.0))
            : (TimeSpan.FromSeconds(1.0 / perSecond), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(tokens, options.Burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    private MimeMessage MimeOf(EmailMessage message)
    {
        if (!MailboxAddress.TryParse(message.To, out var to) || !MailboxAddress.TryParse(_options.From, out var from))
        {
            throw new EmailDeliveryException($"The address {message.To} cannot be sent to.", new FormatException(message.To));
        }

        var body = new BodyBuilder { TextBody = message.Body };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage([from], [to], message.Subject, body.ToMessageBody());
        if (message.MessageId is { } id)
        {
            mime.MessageId = id;
        }

        return mime;
    }

    private async Task SendOnceAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new TimeoutException("No send permit was granted.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        try
        {
            using var connection = await _connections.RentAsync(timeout.Token);
            try
            {
                await connection.Client.SendAsync(mail, timeout.Token);
            }
            catch (SmtpCommandException exception) when (exception.ErrorCode != SmtpErrorCode.UnexpectedStatusCode)
            {
                // A refused sender or recipient leaves the session usable (MailKit resets it); anything else may not.
                throw;
            }
            catch
            {
                connection.Failed();
                throw;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer from the SMTP server within {_options.SendTimeout.TotalSeconds:0} s.");
        }
    }
}
