using System.Security.Cryptography;
using System.Text;

namespace Modular.IAM.Domain;

/// <summary>A PBKDF2-SHA256 password hash with its own salt and iteration count (stored, so the count can grow later).</summary>
internal sealed record Password(byte[] Hash, byte[] Salt, int Iterations)
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;
    public const int DefaultIterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Verified against when no user matches, so an unknown e-mail costs the same time as a wrong password.</summary>
    private static readonly Password Decoy = Create("decoy-password-for-timing", DefaultIterations);

    public static Password Create(string plain, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new Password(Derive(plain, salt, iterations), salt, iterations);
    }

    public bool Matches(string plain) => CryptographicOperations.FixedTimeEquals(Derive(plain, Salt, Iterations), Hash);

    /// <summary>Costs what a verification costs and always fails.</summary>
    public static bool SpendVerificationTime(string plain)
    {
        Decoy.Matches(plain);
        return false;
    }

    private static byte[] Derive(string plain, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(plain), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
