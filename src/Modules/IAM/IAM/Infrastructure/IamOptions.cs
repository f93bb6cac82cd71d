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

    public LoginThrottle Throttle => new(MaxFailedLogins, LockoutDuration);
}
