using System.Collections.Concurrent;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>
/// Price, merchant and status of products, kept for two seconds so a hot product costs no extra query per order.
/// An update through this instance forgets the entry at once; one made through another instance is seen within the
/// lifetime. Stock is never cached: the reservation's conditional UPDATE decides.
/// </summary>
internal sealed class ProductCatalogCache(ModuleDataSource<OrderingDbContext> database)
{
    private const long LifetimeMs = 2_000;
    private readonly ConcurrentDictionary<Guid, (ProductSnapshot Product, long LoadedAt)> _entries = new();

    public void Forget(Guid productId) => _entries.TryRemove(productId, out _);

    /// <summary>The known products among <paramref name="productIds"/>; unknown ids are absent from the answer.</summary>
    public async Task<IReadOnlyDictionary<Guid, ProductSnapshot>> GetAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var found = new Dictionary<Guid, ProductSnapshot>(productIds.Count);
        var missing = new List<Guid>();
        foreach (var id in productIds)
        {
            if (_entries.TryGetValue(id, out var entry) && now - entry.LoadedAt < LifetimeMs)
            {
                found[id] = entry.Product;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var product in await LoadAsync(missing, cancellationToken))
            {
                _entries[product.Id] = (product, now);
                found[product.Id] = product;
            }
        }

        return found;
    }

    private async Task<List<ProductSnapshot>> LoadAsync(List<Guid> productIds, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id, merchant_id, organization_id, price, status = 'Active' FROM ordering.products WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = productIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var products = new List<ProductSnapshot>(productIds.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new ProductSnapshot(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetBoolean(4)));
        }

        return products;
    }
}
