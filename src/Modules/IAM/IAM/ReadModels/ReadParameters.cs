using Npgsql;
using NpgsqlTypes;

namespace Modular.IAM.ReadModels;

/// <summary>Null-aware parameters of IAM's read-side list queries.</summary>
internal static class ReadParameters
{
    public static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
