namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>A plain-text e-mail to one recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);
