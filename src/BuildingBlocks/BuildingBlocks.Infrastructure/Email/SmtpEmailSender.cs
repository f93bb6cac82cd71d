using System.Net.Mail;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Polly;
using Polly.Retry;

namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>
/// One process-wide token bucket paces every send (SMTP relays throttle or blacklist bursts); each attempt takes a
/// permit, so retries count against the rate too. A transient 4xx reply or a dropped connection is retried with
/// exponential backoff and jitter; a 5xx reply is final.
/// </summary>
internal sealed class SmtpEmailSender : IEmailSender, IDisposable
{
    private readonly SmtpSettings _smtp;
    private readonly EmailOptions _options;
    private readonly TokenBucketRateLimiter _limiter;
    private readonly ResiliencePipeline _retry;

    public SmtpEmailSender(SmtpSettings smtp, IOptions<EmailOptions> options)
    {
        _smtp = smtp;
        _options = options.Value;
        _limiter = new TokenBucketRateLimiter(BucketFor(_options));
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder().Handle<SmtpException>(SmtpFailures.IsTransient),
            })
            .Build();
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(async token => await SendOnceAsync(message, token), cancellationToken);
        }
        catch (SmtpException exception)
        {
            throw new EmailDeliveryException($"SMTP refused the e-mail to {message.To} ({exception.StatusCode}).", exception);
        }
        catch (FormatException exception)
        {
            throw new EmailDeliveryException($"The address {message.To} cannot be sent to.", exception);
        }
    }

    public void Dispose() => _limiter.Dispose();

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

    private async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "No send permit was granted.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        // SmtpClient is not thread-safe; one per send keeps concurrent consumers independent.
        using var client = new SmtpClient(_smtp.Host, _smtp.Port) { EnableSsl = false, DeliveryMethod = SmtpDeliveryMethod.Network };
        using var mail = new MailMessage(_options.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, timeout.Token);
    }
}

/// <summary>Which SMTP failures are worth another attempt.</summary>
internal static class SmtpFailures
{
    /// <summary>4xx replies are temporary by definition (RFC 5321); GeneralFailure is a connection that failed or dropped.</summary>
    public static bool IsTransient(SmtpException exception) =>
        exception.StatusCode == SmtpStatusCode.GeneralFailure || (int)exception.StatusCode is >= 400 and < 500;
}
