using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

/// <summary>The staff's view of bulk orders: the list (read side) and the detail with each line's result.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BulkOrderStaffTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task A_merchant_admin_lists_a_best_effort_bulk_order_with_its_counts_and_reads_each_lines_result()
    {
        var products = new[] { await _api.CreateProductAsync(5), await _api.CreateProductAsync(1), await _api.CreateProductAsync(5) };
        using var customer = _api.Customer();
        using var admin = _api.Admin();

        // The second line asks for more than its stock.
        var bulk = await SubmitAsync(customer, "BestEffort", (products[0], 2), (products[1], 3), (products[2], 1));

        var listed = await ListedAsync(admin, bulk, "Completed");
        listed.GetProperty("mode").GetString().ShouldBe("BestEffort");
        listed.GetProperty("lineCount").GetInt32().ShouldBe(3);
        listed.GetProperty("reserved").GetInt32().ShouldBe(2);
        listed.GetProperty("short").GetInt32().ShouldBe(1);
        listed.GetProperty("released").GetInt32().ShouldBe(0);
        listed.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var orderId = listed.GetProperty("orderId").GetGuid();

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/ordering/bulk-orders/{bulk}");
        detail.GetProperty("status").GetString().ShouldBe("Completed");
        detail.GetProperty("orderId").GetGuid().ShouldBe(orderId);
        var lines = detail.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(line => line.GetProperty("line").GetInt32()).ShouldBe([1, 2, 3]);
        lines.Select(line => line.GetProperty("result").GetString()).ShouldBe(["Reserved", "Short", "Reserved"]);
        lines.Select(line => line.GetProperty("quantity").GetInt32()).ShouldBe([2, 3, 1]);
        lines.ShouldAllBe(line => line.GetProperty("productName").GetString()!.StartsWith("Product "));
        (await customer.GetAsync($"/api/ordering/bulk-orders/{bulk}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_organizations_merchant_admin_sees_neither_the_list_row_nor_the_detail()
    {
        var bulk = await CompletedOneLineBulkOrderAsync();
        using var stranger = platform.Host.CreateClientAs(Guid.CreateVersion7(), Guid.CreateVersion7(), Roles.MerchantAdmin);
        using var otherCustomer = _api.Customer();

        var page = await stranger.GetFromJsonAsync<JsonElement>("/api/ordering/bulk-orders");
        var detail = await stranger.GetAsync($"/api/ordering/bulk-orders/{bulk}");
        var otherCustomersDetail = await otherCustomer.GetAsync($"/api/ordering/bulk-orders/{bulk}");

        page.GetProperty("items").GetArrayLength().ShouldBe(0);
        detail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.bulk_order_not_found");
        otherCustomersDetail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_status_filter_and_keyset_pages_list_each_bulk_order_once_newest_first()
    {
        var product = await _api.CreateProductAsync(10);
        var scarce = await _api.CreateProductAsync(1);
        using var customer = _api.Customer();
        using var admin = _api.Admin();
        var rejected = await SubmitAsync(customer, "AllOrNothing", (product, 1), (scarce, 2));
        var completed = new[] { await SubmitAsync(customer, "BestEffort", (product, 1)), await SubmitAsync(customer, "BestEffort", (product, 1)) };
        await ListedAsync(admin, rejected, "Rejected");
        foreach (var bulk in completed)
        {
            await ListedAsync(admin, bulk, "Completed");
        }

        var rejectedOnes = await AllPagesAsync(admin, "status=Rejected&limit=2");
        var completedOnes = await AllPagesAsync(admin, "status=Completed&limit=2");
        var all = await AllPagesAsync(admin, "limit=1");

        rejectedOnes.ShouldContain(rejected);
        rejectedOnes.ShouldNotContain(completed[0]);
        completedOnes.ShouldContain(completed[0]);
        completedOnes.ShouldContain(completed[1]);
        completedOnes.ShouldNotContain(rejected);
        all.ShouldContain(rejected);
        all.ShouldContain(completed[0]);
        all.ShouldContain(completed[1]);
        all.ShouldBe(all.Distinct().ToList());
        // PostgreSQL orders uuids by their bytes, which is the ordinal order of their lowercase text (not Guid.CompareTo's).
        var texts = all.Select(id => id.ToString()).ToList();
        texts.ShouldBe(texts.Order(StringComparer.Ordinal).Reverse().ToList());
    }

    [Fact]
    public async Task An_operator_lists_and_reads_every_organizations_bulk_orders()
    {
        var bulk = await CompletedOneLineBulkOrderAsync();
        using var operatorClient = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);

        var listed = await operatorClient.GetFromJsonAsync<JsonElement>("/api/ordering/bulk-orders?status=Completed&limit=200");
        var detail = await operatorClient.GetAsync($"/api/ordering/bulk-orders/{bulk}");

        listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ShouldContain(bulk);
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_submitted_state_that_arrives_after_the_settled_one_does_not_move_the_list_back_to_pending()
    {
        var bulk = Guid.CreateVersion7();
        var submittedAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var bus = platform.Host.Services.GetRequiredService<IBus>();
        using var admin = _api.Admin();
        await bus.Publish(new BulkOrderChanged(
            bulk, OrderingApi.Organization, Guid.CreateVersion7(), "BestEffort", "Completed", Guid.CreateVersion7(), LineCount: 4,
            Reserved: 3, Short: 1, Released: 0, submittedAt, submittedAt.AddSeconds(1)));
        await ListedAsync(admin, bulk, "Completed");
        var lateMessage = Guid.NewGuid();

        await bus.Publish(
            new BulkOrderChanged(bulk, OrderingApi.Organization, Guid.CreateVersion7(), "BestEffort", "Pending", null, 4, 0, 0, 0, submittedAt, null),
            context => context.MessageId = lateMessage);

        await Eventually.HoldsAsync(
            async () => await _api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.inbox_messages WHERE message_id = $1", lateMessage) > 0,
            TimeSpan.FromSeconds(30), "the projection applied the late Pending state");
        var row = await ListedAsync(admin, bulk, "Completed");
        row.GetProperty("reserved").GetInt32().ShouldBe(3);
        row.GetProperty("short").GetInt32().ShouldBe(1);
        var pendingOnes = await admin.GetFromJsonAsync<JsonElement>("/api/ordering/bulk-orders?status=Pending&limit=200");
        pendingOnes.GetProperty("items").EnumerateArray().ShouldNotContain(item => item.GetProperty("id").GetGuid() == bulk);
    }

    [Fact]
    public async Task A_lost_bulk_order_document_is_rebuilt_from_the_write_model_with_its_counts()
    {
        var products = new[] { await _api.CreateProductAsync(5), await _api.CreateProductAsync(1) };
        using var customer = _api.Customer();
        using var admin = _api.Admin();
        var bulk = await SubmitAsync(customer, "BestEffort", (products[0], 1), (products[1], 2));
        await ListedAsync(admin, bulk, "Completed");
        await _api.Database.ExecuteAsync($"DELETE FROM ordering_read.mt_doc_bulkorderdocument WHERE id = '{bulk}'");
        var listedAfterLoss = await admin.GetFromJsonAsync<JsonElement>("/api/ordering/bulk-orders?status=Completed&limit=200");
        listedAfterLoss.GetProperty("items").EnumerateArray().ShouldNotContain(item => item.GetProperty("id").GetGuid() == bulk);

        foreach (var rebuild in platform.Host.Services.GetServices<IReadModelRebuild>().Where(candidate => candidate.Module == "ordering"))
        {
            await rebuild.RebuildAsync(CancellationToken.None);
        }

        var row = await ListedAsync(admin, bulk, "Completed");
        row.GetProperty("lineCount").GetInt32().ShouldBe(2);
        row.GetProperty("reserved").GetInt32().ShouldBe(1);
        row.GetProperty("short").GetInt32().ShouldBe(1);
        row.GetProperty("orderId").ValueKind.ShouldBe(JsonValueKind.String);
    }

    /// <summary>A buyer's one-line bulk order, once the merchant admin's list shows it Completed.</summary>
    private async Task<Guid> CompletedOneLineBulkOrderAsync()
    {
        var product = await _api.CreateProductAsync(5);
        using var customer = _api.Customer();
        using var admin = _api.Admin();
        var bulk = await SubmitAsync(customer, "BestEffort", (product, 1));
        await ListedAsync(admin, bulk, "Completed");
        return bulk;
    }

    private static async Task<Guid> SubmitAsync(HttpClient customer, string mode, params (Guid Product, int Quantity)[] lines)
    {
        var response = await customer.PostAsJsonAsync("/api/ordering/bulk-orders", new
        {
            mode,
            cardToken = OrderingApi.ApprovingCard,
            lines = lines.Select(line => new { productId = line.Product, quantity = line.Quantity }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the staff's list (the read side) shows the bulk order in <paramref name="status"/>; returns its row.</summary>
    private static async Task<JsonElement> ListedAsync(HttpClient staff, Guid bulk, string status)
    {
        JsonElement row = default;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await staff.GetFromJsonAsync<JsonElement>($"/api/ordering/bulk-orders?status={status}&limit=200");
            var match = page.GetProperty("items").EnumerateArray().Where(item => item.GetProperty("id").GetGuid() == bulk).ToList();
            row = match.SingleOrDefault();
            return match.Count == 1;
        }, TimeSpan.FromSeconds(30), $"the staff's list shows bulk order {bulk} {status}");
        return row;
    }

    private static async Task<List<Guid>> AllPagesAsync(HttpClient staff, string query)
    {
        var ids = new List<Guid>();
        string? before = null;
        do
        {
            var page = await staff.GetFromJsonAsync<JsonElement>($"/api/ordering/bulk-orders?{query}{(before is null ? "" : $"&before={before}")}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetString();
        }
        while (before is not null);
        return ids;
    }
}
