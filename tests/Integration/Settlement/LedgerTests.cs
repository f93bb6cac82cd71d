using System.Net;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

[Collection(IntegrationCollection.Name)]
public sealed class LedgerTests(TestPlatform platform)
{
    private readonly SettlementApi _api = new(platform.Host);

    [Fact]
    public async Task A_chunk_of_acquisitions_becomes_payment_cancellation_and_fee_rows_with_the_24_fields()
    {
        var day = SettlementApi.UniqueDay();
        var organization = Guid.CreateVersion7();
        var payment = SettlementApi.Payment(organization, day.AddHours(9), amount: 10_000, fee: 250, vat: 25);
        var canceled = SettlementApi.Payment(organization, day.AddHours(10), amount: 30_000, fee: 750, vat: 75);
        var cancellation = SettlementApi.Cancellation(canceled, day.AddHours(11));

        await _api.RecordAsync([payment, canceled, cancellation]);

        await _api.LedgeredAsync([payment.AcquisitionId, canceled.AcquisitionId, cancellation.AcquisitionId], rows: 6);
        using var finance = _api.Finance();
        var rows = SettlementApi.Items(await SettlementApi.PageAsync(finance, SettlementApi.Day(day)));
        rows.Count.ShouldBe(6);
        var paid = rows.Single(row => row.GetProperty("id").GetGuid() == payment.AcquisitionId);
        paid.GetProperty("transactionType").GetString().ShouldBe("Payment");
        paid.GetProperty("paymentId").GetGuid().ShouldBe(payment.PaymentId);
        paid.GetProperty("orderNo").GetGuid().ShouldBe(payment.Reference);
        paid.GetProperty("payNo").GetString().ShouldBe(payment.ApprovalNumber);
        paid.GetProperty("pg").GetString().ShouldBe("MODULARPG");
        paid.GetProperty("payMethod").GetString().ShouldBe("Card");
        paid.GetProperty("payMethodDetail").GetString().ShouldBe("411111");
        paid.GetProperty("serviceType").GetString().ShouldBe("Acquiring");
        paid.GetProperty("submitType").GetString().ShouldBe("SameDay");
        paid.GetProperty("cancelType").ValueKind.ShouldBe(JsonValueKind.Null);
        paid.GetProperty("year").GetInt32().ShouldBe(day.Year);
        paid.GetProperty("reportNo").GetString().ShouldBe($"MODULARPG-{day:yyyyMMdd}-{organization.ToString("N")[..8].ToUpperInvariant()}");
        paid.GetProperty("taxFormId").GetString().ShouldBe($"TF-MODULARPG-{day:yyyyMM}-{organization.ToString("N")[..12].ToUpperInvariant()}");
        paid.GetProperty("amount").GetInt64().ShouldBe(10_000);
        paid.GetProperty("fee").GetInt64().ShouldBe(250);
        paid.GetProperty("vat").GetInt64().ShouldBe(25);
        paid.GetProperty("saleAmount").GetInt64().ShouldBe(10_000);
        paid.GetProperty("orderAmount").GetInt64().ShouldBe(10_000);
        paid.GetProperty("pgAmount").GetInt64().ShouldBe(9_725);
        paid.GetProperty("difference").GetInt64().ShouldBe(275);
        paid.GetProperty("requestedAt").GetDateTimeOffset().ShouldBe(payment.ApprovedAt);
        paid.GetProperty("submittedAt").GetDateTimeOffset().ShouldBe(payment.AcquiredAt);

        var fee = rows.Single(row => row.GetProperty("transactionType").GetString() == "Fee" && row.GetProperty("acquisitionId").GetGuid() == payment.AcquisitionId);
        fee.GetProperty("serviceType").GetString().ShouldBe("PgFee");
        fee.GetProperty("amount").GetInt64().ShouldBe(-275);
        var refund = rows.Single(row => row.GetProperty("id").GetGuid() == cancellation.AcquisitionId);
        refund.GetProperty("transactionType").GetString().ShouldBe("Cancellation");
        refund.GetProperty("cancelType").GetString().ShouldBe("Void");
        refund.GetProperty("amount").GetInt64().ShouldBe(-30_000);
        refund.GetProperty("pgAmount").GetInt64().ShouldBe(-29_175);
        rows.Sum(row => row.GetProperty("amount").GetInt64()).ShouldBe(10_000 - 275, "the day nets to what the merchant is owed");
    }

    [Fact]
    public async Task A_redelivered_chunk_and_an_acquisition_repeated_in_another_chunk_are_ledgered_once()
    {
        var day = SettlementApi.UniqueDay();
        var organization = Guid.CreateVersion7();
        var entries = Enumerable.Range(0, 600).Select(i => SettlementApi.Payment(organization, day.AddSeconds(i * 10))).ToList();
        var messageId = Guid.NewGuid();

        await Task.WhenAll(_api.RecordAsync(entries, messageId), _api.RecordAsync(entries, messageId));
        await _api.RecordAsync([entries[0], SettlementApi.Payment(organization, day.AddHours(20))]);

        await _api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 1_200);
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "settlement");
        (await _api.LedgerCountAsync(entries.Select(entry => entry.AcquisitionId))).ShouldBe(1_200);
        (await _api.Database.ScalarAsync<long>(
            "SELECT count(*) FROM settlement.inbox_messages WHERE message_id = $1", messageId)).ShouldBe(1, "the inbox applied the message once");
    }

    [Fact]
    public async Task An_entry_the_ledger_cannot_hold_is_set_apart_and_its_chunk_is_ledgered()
    {
        var day = SettlementApi.UniqueDay();
        var organization = Guid.CreateVersion7();
        var good = SettlementApi.Payment(organization, day.AddHours(1));
        var unknownKind = SettlementApi.Payment(organization, day.AddHours(2)) with { Kind = "Chargeback" };
        var impossible = SettlementApi.Payment(organization, day.AddHours(3), amount: 100, fee: 90, vat: 20);

        await _api.RecordAsync([good, unknownKind, impossible]);

        await _api.LedgeredAsync([good.AcquisitionId], rows: 2);
        await Eventually.HoldsAsync(async () => await _api.Database.ScalarAsync<long>(
                "SELECT count(*) FROM settlement.unledgered_acquisitions WHERE acquisition_id = ANY($1)",
                new[] { unknownKind.AcquisitionId, impossible.AcquisitionId }) == 2,
            SettlementApi.Patience, "both bad entries are set apart");
        (await _api.LedgerCountAsync([unknownKind.AcquisitionId, impossible.AcquisitionId])).ShouldBe(0);
    }

    [Fact]
    public async Task Search_filters_pages_by_keyset_and_scopes_merchant_admins_to_their_organization()
    {
        var day = SettlementApi.UniqueDay();
        var mine = Guid.CreateVersion7();
        var theirs = Guid.CreateVersion7();
        var entries = Enumerable.Range(0, 30).Select(i => SettlementApi.Payment(mine, day.AddMinutes(i * 7)))
            .Concat(Enumerable.Range(0, 10).Select(i => SettlementApi.Payment(theirs, day.AddMinutes(i * 11), fee: 0, vat: 0)))
            .ToList();
        await _api.RecordAsync(entries);
        await _api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 70);
        using var finance = _api.Finance();

        var seen = new List<JsonElement>();
        string? before = null;
        do
        {
            var page = await SettlementApi.PageAsync(finance, $"{SettlementApi.Day(day)}&transactionType=Payment&limit=7{(before is null ? "" : $"&before={before}")}");
            seen.AddRange(SettlementApi.Items(page));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetString();
        }
        while (before is not null);

        seen.Count.ShouldBe(40);
        seen.Select(row => row.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(40);
        seen.Select(row => row.GetProperty("requestedAt").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Descending);
        var submitted = SettlementApi.Items(await SettlementApi.PageAsync(finance,
            $"submittedFrom={Uri.EscapeDataString(day.ToString("O"))}&submittedTo={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}&transactionType=Fee&limit=200"));
        submitted.Count.ShouldBe(30, "only the first merchant paid fees");

        using var admin = _api.MerchantAdmin(theirs);
        var own = SettlementApi.Items(await SettlementApi.PageAsync(admin, $"{SettlementApi.Day(day)}&limit=200"));
        own.Count.ShouldBe(10);
        own.ShouldAllBe(row => row.GetProperty("organizationId").GetGuid() == theirs);
        var foreignCursor = entries[0].AcquisitionId;
        SettlementApi.Items(await SettlementApi.PageAsync(admin, $"{SettlementApi.Day(day)}&before={foreignCursor}")).ShouldBeEmpty();

        var badRange = await finance.GetAsync($"/api/settlement/ledger?requestedFrom=2024-02-01&requestedTo=2024-01-01");
        badRange.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await finance.GetAsync("/api/settlement/ledger?transactionType=Refundish")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var customer = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, "Customer");
        (await customer.GetAsync("/api/settlement/ledger")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
