using System.Security.Cryptography;
using System.Text;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Infrastructure.Storage;

/// <summary>
/// HMAC-SHA256 over (job, expiry) for local download links, keyed by a key derived from the platform's token signing key
/// for this one purpose: every instance shares it, and a link's signature cannot be replayed as anything else.
/// </summary>
internal sealed class ExportLinkSignature(SigningKey signingKey)
{
    private readonly byte[] _key = HMACSHA256.HashData(signingKey.Value.Key, Encoding.ASCII.GetBytes("modular.settlement.export-links.v1"));

    public string Sign(Guid jobId, long expiresAtUnixSeconds) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{jobId:N}.{expiresAtUnixSeconds}")));

    public bool IsValid(Guid jobId, long expiresAtUnixSeconds, string? signature) =>
        signature is { Length: 64 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(jobId, expiresAtUnixSeconds)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
