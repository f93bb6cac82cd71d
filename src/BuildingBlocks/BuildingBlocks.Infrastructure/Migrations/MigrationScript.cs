using System.Security.Cryptography;
using System.Text;

namespace Modular.BuildingBlocks.Infrastructure.Migrations;

/// <summary>One versioned SQL file. Its checksum lets the migrator refuse a file changed after it was applied.</summary>
public sealed record MigrationScript(string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
