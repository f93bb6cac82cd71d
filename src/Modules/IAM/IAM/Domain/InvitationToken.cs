using System.Security.Cryptography;
using System.Text;

namespace Modular.IAM.Domain;

/// <summary>
/// A one-time invitation secret: 32 random bytes, sent to the invitee; only its SHA-256 is stored, so a database
/// reader cannot accept an invitation. A fast hash is enough: the secret has 256 bits of entropy, nothing to brute-force.
/// </summary>
internal static class InvitationToken
{
    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token.Trim()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
