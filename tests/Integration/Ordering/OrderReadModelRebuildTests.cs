using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class OrderReadModelRebuildTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task Lost_order_documents_are_rebuilt_from_the_write_model_while_orders_keep_coming()
    {
        var product = await _api.CreateProductAsync(stock: 100);
        using var customer = _api.Customer();
        var lost = await PlaceAsync(customer, product, count: 20);
        foreach (var id in lost)
        {
            await _api.ProjectedAsync(id, "Paid");
        }

        await _api.Database.ExecuteAsync(
            $"DELETE FROM ordering_read.mt_doc_orderdocument WHERE id IN ({string.Join(", ", lost.Select(id => $"'{id}'"))})");
        using var admin = _api.Admin();
        (await admin.GetAsync($"/api/ordering/orders/{lost[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Each of Ordering's kinds of document, as `Host --rebuild-read-models ordering` runs them.
        var rebuilds = platform.Host.Services.GetServices<IReadModelRebuild>().Where(candidate => candidate.Module == "ordering").ToList();
        var placedMeanwhile = PlaceAsync(customer, product, count: 20);
        var rebuilt = 0;
        foreach (var rebuild in rebuilds)
        {
            rebuilt += await rebuild.RebuildAsync(CancellationToken.None);
        }

        var meanwhile = await placedMeanwhile;

        rebuilt.ShouldBeGreaterThanOrEqualTo(lost.Count);
        foreach (var id in lost.Concat(meanwhile))
        {
            var view = await _api.ProjectedAsync(id, "Paid");
            view.Timeline.Select(entry => entry.Status).ShouldBe(["PendingPayment", "Paid"]);
            view.CustomerId.ShouldNotBe(Guid.Empty);
        }
    }

    private static async Task<List<Guid>> PlaceAsync(HttpClient customer, Guid product, int count)
    {
        var ids = new List<Guid>();
        for (var index = 0; index < count; index++)
        {
            var response = await OrderingApi.PlaceAsync(customer, null, (product, 1));
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        return ids;
    }
}
