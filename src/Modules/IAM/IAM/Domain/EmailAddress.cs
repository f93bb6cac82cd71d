using System.Net.Mail;

namespace Modular.IAM.Domain;

internal static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased: the form stored and compared, so "Ann@X.com" and "ann@x.com" are one user.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A bare address (no display name, no comments) of a sane length.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength)
        {
            return false;
        }

        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.')
            && !trimmed.Contains(' ');
    }
}
