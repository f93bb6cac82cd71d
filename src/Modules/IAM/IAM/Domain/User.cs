using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.IAM.Domain;

internal sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public List<string> Roles { get; private set; } = [];
    public UserStatus Status { get; private set; }
    public byte[]? PasswordHash { get; private set; }
    public byte[]? PasswordSalt { get; private set; }
    public int? PasswordIterations { get; private set; }
    public int FailedLogins { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public byte[]? InvitationTokenHash { get; private set; }
    public DateTime? InvitationSentAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>An active user with a password: a self-registered customer or a user an admin created.</summary>
    public static User Register(string email, string name, Guid? organizationId, IReadOnlyCollection<string> roles, Password password, DateTime now)
    {
        var user = New(email, name, organizationId, roles, UserStatus.Active, now);
        user.SetPassword(password);
        return user;
    }

    /// <summary>A user who must accept an e-mailed invitation (and choose a password) before logging in.</summary>
    public static User Invite(string email, Guid organizationId, IReadOnlyCollection<string> roles, DateTime now) =>
        New(email, name: "", organizationId, roles, UserStatus.Invited, now);

    private static User New(string email, string name, Guid? organizationId, IReadOnlyCollection<string> roles, UserStatus status, DateTime now)
    {
        if (!EmailAddress.IsValid(email))
        {
            throw new DomainException(Error.Unprocessable("iam.invalid_email", "The e-mail address is not valid."));
        }

        return new User
        {
            Id = Guid.CreateVersion7(),
            Email = EmailAddress.Normalize(email),
            Name = name.Trim(),
            OrganizationId = organizationId,
            Roles = roles.Distinct().ToList(),
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Checks a login attempt. Every refusal looks the same to the caller; the password is verified even while the
    /// account is locked or unusable, so the answer takes the same time whatever the reason.
    /// </summary>
    public bool TryLogin(string password, DateTime now, LoginThrottle throttle)
    {
        var matches = CurrentPassword is { } current ? current.Matches(password) : Password.SpendVerificationTime(password);

        if (LockedUntil > now || Status != UserStatus.Active)
        {
            return false;
        }

        UpdatedAt = now;
        if (matches)
        {
            FailedLogins = 0;
            LockedUntil = null;
            return true;
        }

        FailedLogins++;
        if (FailedLogins >= throttle.MaxFailures)
        {
            LockedUntil = now + throttle.LockoutDuration;
            FailedLogins = 0;
        }

        return false;
    }

    /// <summary>Records the hash of an invitation token before any e-mail carries it; its lifetime counts from now.</summary>
    public void IssueInvitation(byte[] tokenHash, DateTime now)
    {
        EnsureStatus(UserStatus.Invited);
        InvitationTokenHash = tokenHash;
        InvitationSentAt = now;
        UpdatedAt = now;
    }

    /// <summary>Accepts the invitation once: the token is consumed and the password set.</summary>
    public void AcceptInvitation(Password password, string? name, DateTime now, TimeSpan lifetime)
    {
        if (Status != UserStatus.Invited || InvitationSentAt is not { } sentAt || sentAt + lifetime <= now)
        {
            throw InvitationErrors.Invalid();
        }

        SetPassword(password);
        if (!string.IsNullOrWhiteSpace(name))
        {
            Name = name.Trim();
        }

        Status = UserStatus.Active;
        InvitationTokenHash = null;
        InvitationSentAt = null;
        UpdatedAt = now;
    }

    /// <summary>A disabled user can no longer log in or accept an invitation; tokens already issued expire on their own.</summary>
    public void Disable(DateTime now)
    {
        if (Status == UserStatus.Disabled)
        {
            return;
        }

        Status = UserStatus.Disabled;
        InvitationTokenHash = null;
        InvitationSentAt = null;
        UpdatedAt = now;
    }

    private Password? CurrentPassword =>
        PasswordHash is not null && PasswordSalt is not null && PasswordIterations is { } iterations ? new Password(PasswordHash, PasswordSalt, iterations) : null;

    private void SetPassword(Password password)
    {
        PasswordHash = password.Hash;
        PasswordSalt = password.Salt;
        PasswordIterations = password.Iterations;
    }

    private void EnsureStatus(UserStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException(Error.Conflict("iam.user_status", $"The user is {Status}, not {expected}."));
        }
    }
}

/// <summary>Failed-login throttling per account: after MaxFailures consecutive failures the account is locked.</summary>
internal sealed record LoginThrottle(int MaxFailures, TimeSpan LockoutDuration);

internal static class InvitationErrors
{
    /// <summary>One answer for unknown, used and expired tokens: the caller learns nothing about which.</summary>
    public static DomainException Invalid() =>
        new(Error.Unprocessable("iam.invitation_invalid", "The invitation is invalid, already used or expired."));
}
