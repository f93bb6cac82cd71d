using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// The Christmas incident replayed: merchants whose stored settings are broken (rows from before the checks, as a bulk
/// upload left them), an unknown merchant and an amount out of range, among good payments. The good ones are acquired;
/// each bad one is set apart with all its reasons, retried, abandoned with one alert, and handled by an operator.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AcquiringErrorTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Bad_items_never_block_their_chunk_are_retried_abandoned_with_one_alert_and_resolved_once_fixed()
    {
        var opsDomain = $"ops-{Guid.NewGuid():N}.test";
        await using var acquiring = await AcquiringHost.StartAsync(platform, new Dictionary<string, string>
        {
            ["Acquisition:Acquiring:AlertRecipients:0"] = $"acquiring@{opsDomain}",
            ["Acquisition:Acquiring:MaxAmount"] = "100000000",
        });
        var good = await acquiring.Api.CreateMerchantAsync();
        await LegacySchemaAsync(acquiring);
        var unset = await LegacyMerchantAsync(acquiring, feeRate: null, vatRule: null);
        var mistyped = await LegacyMerchantAsync(acquiring, feeRate: 2.5m, vatRule: "Taxable");

        var goodPayments = new List<Guid>();
        var bad = new Dictionary<Guid, string[]>();
        for (var i = 0; i < 10; i++)
        {
            goodPayments.Add(await acquiring.ApprovedPaymentAsync(good, 10_000 + i));
            if (i == 3)
            {
                bad[await acquiring.ApprovedPaymentAsync(unset, 5_000)] = ["fee_rate.missing", "vat_rule.missing"];
                bad[await acquiring.ApprovedPaymentAsync(mistyped, 5_000)] = ["fee_rate.out_of_range", "vat_rule.unknown"];
            }

            if (i == 6)
            {
                bad[await acquiring.ApprovedPaymentAsync(Guid.CreateVersion7(), 5_000)] = ["merchant.unknown"];
                bad[await acquiring.ApprovedPaymentAsync(good, 200_000_000)] = ["amount.out_of_range"];
            }
        }

        await Eventually.HoldsAsync(() => Task.FromResult(goodPayments.All(id => acquiring.Published.Any(entry => entry.PaymentId == id))),
            Patience, "every good payment is acquired");
        using var finance = acquiring.Api.Operator();
        await Eventually.HoldsAsync(async () => (await ErrorsAsync(finance, "status=Abandoned")).Count == bad.Count, Patience,
            "every bad payment is abandoned after its retries");

        acquiring.Published.ShouldNotContain(entry => bad.ContainsKey(entry.PaymentId));
        var abandoned = await ErrorsAsync(finance, "status=Abandoned");
        foreach (var (paymentId, codes) in bad)
        {
            var error = abandoned.Single(e => e.GetProperty("transactionId").GetGuid() == paymentId);
            error.GetProperty("codes").EnumerateArray().Select(code => code.GetString()).ShouldBe(codes);
            error.GetProperty("retryCount").GetInt32().ShouldBe(5);
            error.GetProperty("type").GetString().ShouldBe("Payment");
        }

        await Eventually.HoldsAsync(async () => await acquiring.Database.ScalarAsync<long>(
            "SELECT count(*) FROM acquisition.acquiring_errors WHERE status = 'Abandoned' AND alerted_at IS NULL") == 0, Patience, "the alerts are sent");
        var mails = await platform.Mail.ToDomainAsync(opsDomain);
        mails.Count.ShouldBe(4, "one alert per merchant and code");
        mails.ShouldContain(mail => mail.Subject.Contains("fee_rate.out_of_range") && mail.Text.Contains(mistyped.ToString()));

        // The same error again within the alert window: abandoned, not mailed again.
        var again = await acquiring.ApprovedPaymentAsync(mistyped, 7_000);
        await Eventually.HoldsAsync(async () => (await ErrorsAsync(finance, $"status=Abandoned&merchantId={mistyped}")).Count == 2, Patience,
            "the second payment of the mistyped merchant is abandoned too");
        await Eventually.HoldsAsync(async () => await acquiring.Database.ScalarAsync<long>(
            "SELECT count(*) FROM acquisition.acquiring_errors WHERE transaction_id = $1 AND alerted_at IS NOT NULL", again) == 1, Patience,
            "its alert is settled as already sent");
        (await platform.Mail.ToDomainAsync(opsDomain)).Count.ShouldBe(4);

        // The operator sees the payload, fixes the merchant, retries both of its errors: acquired, the errors resolved.
        var first = abandoned.Single(e => e.GetProperty("transactionId").GetGuid() == bad.Keys.ElementAt(1));
        var detail = await finance.GetFromJsonAsync<JsonElement>($"/api/acquisition/acquiring-errors/{first.GetProperty("id").GetGuid()}");
        detail.GetProperty("payload").GetProperty("paymentId").GetGuid().ShouldBe(bad.Keys.ElementAt(1));
        detail.GetProperty("payload").GetProperty("merchant").GetProperty("feeRate").GetDecimal().ShouldBe(2.5m);
        detail.GetProperty("reasons").GetArrayLength().ShouldBe(2);
        await acquiring.Database.ExecuteAsync(
            "UPDATE acquisition.merchants SET fee_rate = 0.025, vat_rule = 'Taxable10Percent' WHERE id = $1", mistyped);
        var mistypedErrors = (await ErrorsAsync(finance, $"merchantId={mistyped}")).Select(e => e.GetProperty("id").GetGuid()).ToArray();
        var retry = await finance.PostAsJsonAsync("/api/acquisition/acquiring-errors/retries", new { ids = mistypedErrors });
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(async () => (await ErrorsAsync(finance, $"status=Resolved&merchantId={mistyped}")).Count == 2, Patience,
            "the retried errors are resolved by their acquisition");
        await Eventually.HoldsAsync(
            () => Task.FromResult(acquiring.Published.Count(entry => entry.PaymentId == again || entry.PaymentId == bad.Keys.ElementAt(1)) == 2), Patience,
            "their acquisitions are published (through the outbox, just after the chunk commits)");
        acquiring.Published.Single(entry => entry.PaymentId == again).Fee.ShouldBe(175);

        // The rest are closed by hand: abandoned with a note, and a resolved error cannot be retried.
        var unknownMerchant = abandoned.Single(e => e.GetProperty("transactionId").GetGuid() == bad.Keys.ElementAt(2)).GetProperty("id").GetGuid();
        var close = await finance.PostAsJsonAsync($"/api/acquisition/acquiring-errors/{unknownMerchant}/closure",
            new { status = "Resolved", note = "Merchant never existed; refunded by hand." });
        close.StatusCode.ShouldBe(HttpStatusCode.OK, await close.Content.ReadAsStringAsync());
        (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("note").GetString().ShouldBe("Merchant never existed; refunded by hand.");
        var retryResolved = await finance.PostAsJsonAsync("/api/acquisition/acquiring-errors/retries", new { ids = new[] { unknownMerchant } });
        retryResolved.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unknownId = await finance.PostAsJsonAsync("/api/acquisition/acquiring-errors/retries", new { ids = new[] { Guid.CreateVersion7() } });
        unknownId.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badClose = await finance.PostAsJsonAsync($"/api/acquisition/acquiring-errors/{unknownMerchant}/closure", new { status = "Open", note = "" });
        badClose.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var codeFiltered = await ErrorsAsync(finance, "code=vat_rule.missing");
        codeFiltered.Single().GetProperty("transactionId").GetGuid().ShouldBe(bad.Keys.ElementAt(0));
        var page = await finance.GetFromJsonAsync<JsonElement>("/api/acquisition/acquiring-errors?limit=2");
        var next = await finance.GetFromJsonAsync<JsonElement>($"/api/acquisition/acquiring-errors?limit=10&before={page.GetProperty("nextBefore").GetGuid()}");
        (page.GetProperty("items").GetArrayLength() + next.GetProperty("items").GetArrayLength()).ShouldBe(bad.Count + 1);
        using var merchantAdmin = acquiring.Api.MerchantAdmin(Guid.CreateVersion7());
        (await merchantAdmin.GetAsync("/api/acquisition/acquiring-errors")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The merchants table as it was before its checks, so the rows the incident left can be stored.</summary>
    internal static Task LegacySchemaAsync(AcquiringHost acquiring) => acquiring.Database.ExecuteAsync(
        """
        ALTER TABLE acquisition.merchants DROP CONSTRAINT merchants_fee_rate_check,
            ALTER COLUMN fee_rate DROP NOT NULL, ALTER COLUMN vat_rule DROP NOT NULL
        """);

    internal static async Task<Guid> LegacyMerchantAsync(AcquiringHost acquiring, decimal? feeRate, string? vatRule)
    {
        var id = Guid.CreateVersion7();
        await acquiring.Database.ExecuteAsync(
            """
            INSERT INTO acquisition.merchants (id, organization_id, name, fee_rate, vat_rule, settlement_cycle, status, created_at, updated_at)
            VALUES ($1, $2, 'Legacy ' || $1::text, $3, $4, 'D1', 'Active', now(), now())
            """, id, Guid.CreateVersion7(), (object?)feeRate ?? DBNull.Value, (object?)vatRule ?? DBNull.Value);
        return id;
    }

    private static async Task<List<JsonElement>> ErrorsAsync(HttpClient client, string filter)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/acquisition/acquiring-errors?{filter}&limit=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
