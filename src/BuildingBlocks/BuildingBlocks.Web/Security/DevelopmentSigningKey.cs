using System.Security.Cryptography;

namespace Modular.BuildingBlocks.Web.Security;

/// <summary>
/// Development's signing key when none is configured: made once, kept in the checkout's git-ignored <c>.local/</c>,
/// and read by every later process, so a restart does not log everyone out. Never used outside Development.
/// </summary>
internal static class DevelopmentSigningKey
{
    public const string FileName = "jwt-signing-key";

    /// <summary>The checkout is the first directory above the content root holding services.env (run.sh's content root is the build output).</summary>
    public static byte[] LoadOrCreate(string contentRoot)
    {
        var directory = Path.Combine(CheckoutOf(contentRoot), ".local");
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            var draft = Path.Combine(directory, $"{FileName}.{Guid.NewGuid():N}");
            File.WriteAllText(draft, Convert.ToBase64String(RandomNumberGenerator.GetBytes(JwtSettings.MinimumKeyBytes)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // Two processes starting together: the first key to land wins, the other draft is dropped.
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    private static string CheckoutOf(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "services.env")))
            {
                return directory.FullName;
            }
        }

        return contentRoot;
    }
}
