using System.Net;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// One order the database refuses, coalesced into a reservation batch with 100 valid ones, fails alone: the others are
/// reserved and answered 201. The refusal is arranged as a row trigger that raises for one card token, standing in for
/// any item-specific failure the edge cannot foresee.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PoisonOrderTests(TestPlatform platform) : IAsyncLifetime
{
    private readonly string _poisonToken = $"tok_poison_{Guid.NewGuid():N}";
    private readonly TestDatabase _database = new(platform.Services);
    private readonly OrderingApi _ordering = new(platform.Host);

    public Task InitializeAsync() => _database.ExecuteAsync(
        $"""
         CREATE FUNCTION ordering.refuse_poison_order() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF NEW.card_token = '{_poisonToken}' THEN RAISE EXCEPTION 'poison order' USING ERRCODE = '22021'; END IF;
             RETURN NEW;
         END $$;
         CREATE TRIGGER refuse_poison_order BEFORE INSERT ON ordering.orders FOR EACH ROW EXECUTE FUNCTION ordering.refuse_poison_order();
         """);

    public async Task DisposeAsync()
    {
        await _database.ExecuteAsync("DROP TRIGGER refuse_poison_order ON ordering.orders; DROP FUNCTION ordering.refuse_poison_order();");
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task One_poison_order_among_100_concurrent_valid_ones_leaves_100_valid_results()
    {
        var product = await _ordering.CreateProductAsync(stock: 1_000);
        using var customer = _ordering.Customer();

        var valid = Enumerable.Range(0, 100).Select(_ => OrderingApi.PlaceAsync(customer, null, (product, 1))).ToList();
        var poison = OrderingApi.PlaceWithCardAsync(customer, null, _poisonToken, (product, 1));
        var answers = await Task.WhenAll(valid);

        var statuses = string.Join(", ", answers.GroupBy(answer => (int)answer.StatusCode).Select(group => $"{group.Key}×{group.Count()}"));
        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Created, statuses);
        (await poison).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await _ordering.StockAsync(product)).ShouldBe(900);
    }
}
