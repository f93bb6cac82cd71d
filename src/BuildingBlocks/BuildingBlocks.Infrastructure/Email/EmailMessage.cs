namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>A plain-text e-mail to one recipient, optionally with attachments.</summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The Message-ID header (without angle brackets). A message that may be sent again (after a crash whose outcome is
    /// unknown) carries the same id each time, so the recipient's mail system can recognise the duplicate.
    /// </summary>
    public string? MessageId { get; init; }
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
