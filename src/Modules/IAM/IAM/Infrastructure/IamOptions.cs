using Modular.IAM.Domain;

namespace Modular.IAM.Infrastructure;

/// <summary>IAM's settings, section "Iam".</summary>
internal sealed class IamOptions
{
    public const string Section = "Iam";

    /// <summary>Consecutive failed logins that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>PBKDF2 iterations for new passwords; existing hashes keep the count they were made with.</summary>
    public int PasswordIterations { get; set; } = Password.DefaultIterations;

    /// <summary>How long an invitation e-mail stays valid, checked when it is accepted.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The page of the web app that accepts an invitation; the token is appended as <c>?token=</c>.</summary>
    public string AcceptInvitationUrl { get; set; } = "http://localhost:5173/accept-invitation";

    /// <summary>How often <c>InvitationMailer</c> looks for invitations waiting for their e-mail.</summary>
    public TimeSpan InvitationMailPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a leased invitation row belongs to one mailer; a mailer that died leaves it to another after that. It
    /// outlasts the sender's own attempts and backoff for a batch.
    /// </summary>
    public TimeSpan InvitationMailLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Leases of one row (each a full send with its retries) before it is recorded Failed.</summary>
    public int InvitationMailMaxLeases { get; set; } = 3;

    public LoginThrottle Throttle => new(MaxFailedLogins, LockoutDuration);
}
