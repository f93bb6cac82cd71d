using Modular.BuildingBlocks.Application.Paging;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

public static class KeysetPages
{
    /// <summary>
    /// Reads a page the command selected with <c>LIMIT limit</c>; a full page names its last row's id as the next
    /// page's <c>before</c>.
    /// </summary>
    public static async Task<KeysetPage<T>> ReadAsync<T>(
        NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read, Func<T, Guid> idOf, CancellationToken cancellationToken)
    {
        var items = new List<T>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new KeysetPage<T>(items, items.Count == limit ? idOf(items[^1]) : null);
    }
}
