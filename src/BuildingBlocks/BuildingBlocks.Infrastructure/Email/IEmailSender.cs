namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>
/// Sends e-mail over SMTP, rate-limited and retried on transient failures. Call it from background consumers only:
/// a send may wait for a rate-limit permit or a retry delay, which a request must never do.
/// </summary>
public interface IEmailSender
{
    /// <summary>Throws <see cref="EmailDeliveryException"/> when the server refuses the message for good or retries run out.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailDeliveryException(string message, Exception inner) : Exception(message, inner);
