using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

/// <summary>Arranges and reads Ordering over HTTP as its users do, plus database reads for correctness checks.</summary>
public sealed class OrderingApi(WebApplicationFactory<Program> host)
{
    /// <summary>Card tokens of Acquisition's sandbox network (src/Host/appsettings.json).</summary>
    public const string ApprovingCard = "tok_visa_approve";
    public const string DecliningCard = "tok_decline_insufficient_funds";
    public const string SilentCard = "tok_no_answer";

    public static readonly Guid Organization = Guid.CreateVersion7();

    private static readonly SemaphoreSlim MerchantRegistration = new(1, 1);

    /// <summary>The organization's merchant in each database the tests' hosts run on (outage tests bring their own).</summary>
    private static readonly Dictionary<string, Guid> Merchants = [];

    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase(host.Services.GetRequiredService<ServiceSettings>()));

    /// <summary>The database this host runs on.</summary>
    public TestDatabase Database => _database.Value;

    public HttpClient Admin() => host.CreateClientAs(Guid.CreateVersion7(), Organization, Roles.MerchantAdmin);

    public HttpClient Customer(Guid? customerId = null) => host.CreateClientAs(customerId ?? Guid.CreateVersion7(), null, Roles.Customer);

    /// <summary>The organization's merchant, registered once in Acquisition by a platform admin, so its payments are really authorized.</summary>
    public async Task<Guid> MerchantAsync()
    {
        await MerchantRegistration.WaitAsync();
        try
        {
            var database = host.Services.GetRequiredService<ServiceSettings>().Postgres;
            var key = $"{database.Host}:{database.Port}/{database.Database}";
            if (!Merchants.TryGetValue(key, out var merchant))
            {
                using var platformAdmin = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
                var response = await platformAdmin.PostAsJsonAsync("/api/acquisition/merchants", new
                {
                    organizationId = await new Acquisition.AcquisitionApi(host).OrganizationAsync(Organization),
                    name = "Ordering tests' shop",
                    feeRate = 0.025m,
                    vatRule = "Taxable10Percent",
                    settlementCycle = "D1",
                });
                response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                merchant = Merchants[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            return merchant;
        }
        finally
        {
            MerchantRegistration.Release();
        }
    }

    public async Task<Guid> CreateProductAsync(int stock, long price = 12_000, Guid? merchantId = null)
    {
        var merchant = merchantId ?? await MerchantAsync();
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/ordering/products", new
        {
            merchantId = merchant,
            name = $"Product {Guid.NewGuid():N}",
            price,
            stock,
        });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PlaceAsync(HttpClient customer, string? idempotencyKey, params (Guid ProductId, int Quantity)[] lines) =>
        PlaceWithCardAsync(customer, idempotencyKey, ApprovingCard, lines);

    public static Task<HttpResponseMessage> PlaceWithCardAsync(
        HttpClient customer, string? idempotencyKey, string cardToken, params (Guid ProductId, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ordering/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = lines.Select(line => new { productId = line.ProductId, quantity = line.Quantity }),
                cardToken,
            }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return customer.SendAsync(request);
    }

    /// <summary>Waits until the read side shows the order in <paramref name="status"/>, then returns its detail as the merchant admin sees it.</summary>
    public async Task<OrderView> ProjectedAsync(Guid orderId, string status)
    {
        using var admin = Admin();
        OrderView? view = null;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await admin.GetAsync($"/api/ordering/orders/{orderId}");
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderView>() : null;
            return view?.Status == status;
        }, TimeSpan.FromSeconds(30), $"the read side shows order {orderId} {status}");
        return view!;
    }

    public Task<int> StockAsync(Guid productId) => Database.ScalarAsync<int>("SELECT stock FROM ordering.products WHERE id = $1", productId);

    public Task<long> SoldAsync(Guid productId) =>
        Database.ScalarAsync<long>("SELECT coalesce(sum(quantity), 0)::bigint FROM ordering.order_lines WHERE product_id = $1", productId);

    public Task<long> OrdersOfAsync(Guid customerId) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE customer_id = $1", customerId);

    public Task<long> OutboxEventsForAsync(Guid orderId) =>
        Database.ScalarAsync<long>(
            "SELECT count(*) FROM ordering.outbox_messages WHERE message_type LIKE 'Modular.Ordering.Contracts.OrderPlaced,%' AND body LIKE '%' || $1 || '%'",
            orderId.ToString());
}

public sealed record OrderView(Guid Id, Guid CustomerId, string Status, long Total, DateTime PlacedAt, IReadOnlyList<OrderViewState> Timeline);

public sealed record OrderViewState(string Status, DateTime At, string? Reason);
