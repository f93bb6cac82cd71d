using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Ordering;

namespace Modular.Tests.Integration.Hardening;

/// <summary>Shoppers placing approving orders for one product at a steady pace, as traffic keeps coming whatever the platform goes through.</summary>
internal static class OrderFlow
{
    /// <summary>Places one order per <paramref name="pace"/> for <paramref name="duration"/> and returns their ids.</summary>
    public static async Task<List<Guid>> PlaceForAsync(HttpClient customer, Guid product, TimeSpan duration, TimeSpan pace)
    {
        var orders = new List<Guid>();
        var until = DateTime.UtcNow + duration;
        using var timer = new PeriodicTimer(pace);
        while (DateTime.UtcNow < until && await timer.WaitForNextTickAsync())
        {
            orders.Add(await PlaceAsync(customer, product));
        }

        return orders;
    }

    public static async Task<Guid> PlaceAsync(HttpClient customer, Guid product)
    {
        var response = await OrderingApi.PlaceWithCardAsync(customer, null, OrderingApi.ApprovingCard, (product, 1));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
