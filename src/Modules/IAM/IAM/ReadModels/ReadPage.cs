using Npgsql;
using NpgsqlTypes;

namespace Modular.IAM.ReadModels;

/// <summary>A page of a read-side list, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
internal sealed record ReadPage<T>(IReadOnlyList<T> Items, Guid? NextBefore);

internal static class ReadPages
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Clamp(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    public static async Task<ReadPage<T>> ReadAsync<T>(NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read, Func<T, Guid> idOf, CancellationToken cancellationToken)
    {
        var items = new List<T>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new ReadPage<T>(items, items.Count == limit ? idOf(items[^1]) : null);
    }

    public static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
