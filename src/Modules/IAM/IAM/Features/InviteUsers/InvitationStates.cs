namespace Modular.IAM.Features.InviteUsers;

/// <summary>Pending (stored), Sending (rows classified, e-mails under way), Completed (every chunk sent).</summary>
internal static class InvitationJobStatus
{
    public const string Pending = "Pending";
    public const string Sending = "Sending";
    public const string Completed = "Completed";
}

/// <summary>A row's outcome. Invited means the user and its token exist and the e-mail waits for the mailer; Sent and Failed are final.</summary>
internal static class InvitationRowResult
{
    public const string Pending = "Pending";
    public const string Invalid = "Invalid";
    public const string Duplicate = "Duplicate";
    public const string AlreadyRegistered = "AlreadyRegistered";
    public const string Invited = "Invited";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
}
