using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// Fraud detection after commit: approved payments are acquired by the acquiring loop, whose AcquisitionsRecorded chunks
/// the rules screen; detections are listed for risk managers, who review each once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FraudDetectionTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task A_payment_above_the_threshold_is_listed_for_risk_managers_who_review_it_once()
    {
        var (merchant, organization) = await MerchantAsync();
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var large = await ApprovedAsync(caller, merchant, 6_000_000);
        var usual = await ApprovedAsync(caller, merchant, 60_000);

        using var riskManager = RiskManager();
        var detection = await ListedAsync(riskManager, $"merchantId={merchant}&rule=amount_threshold&status=Open", large.PaymentId);
        detection.GetProperty("amount").GetInt64().ShouldBe(6_000_000);
        detection.GetProperty("reason").GetString().ShouldBe("The amount of 6,000,000 KRW is above the threshold of 5,000,000 KRW.");
        (await DetectionsOfAsync(usual.PaymentId, "amount_threshold")).ShouldBe(0);
        var id = detection.GetProperty("id").GetGuid();

        var noNote = await riskManager.PostAsJsonAsync($"/api/acquisition/fraud-detections/{id}/review", new { note = "" });
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var merchantAdmin = _api.MerchantAdmin(organization);
        (await merchantAdmin.GetAsync($"/api/acquisition/fraud-detections?merchantId={merchant}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await merchantAdmin.PostAsJsonAsync($"/api/acquisition/fraud-detections/{id}/review", new { note = "mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await riskManager.PostAsJsonAsync($"/api/acquisition/fraud-detections/{Guid.CreateVersion7()}/review", new { note = "?" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var reviewed = await riskManager.PostAsJsonAsync($"/api/acquisition/fraud-detections/{id}/review", new { note = "Known wholesale buyer; called the merchant." });
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        var detail = await riskManager.GetFromJsonAsync<JsonElement>($"/api/acquisition/fraud-detections/{id}");
        detail.GetProperty("status").GetString().ShouldBe("Reviewed");
        detail.GetProperty("reviewNote").GetString().ShouldBe("Known wholesale buyer; called the merchant.");
        var again = await riskManager.PostAsJsonAsync($"/api/acquisition/fraud-detections/{id}/review", new { note = "twice" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("acquisition.detection_already_reviewed");
        await ListedAsync(riskManager, $"merchantId={merchant}&status=Reviewed", large.PaymentId);
    }

    [Fact]
    public async Task The_fifth_approval_of_one_card_within_ten_minutes_is_flagged_and_the_four_before_it_are_not()
    {
        var (merchant, _) = await MerchantAsync();
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        // The one sandbox card no other test pays with, so its approvals in this run are these.
        var approvals = new List<PaymentAuthorized>();
        for (var i = 0; i < 5; i++)
        {
            approvals.Add(await ApprovedAsync(caller, merchant, 20_000 + i, "tok_bench_approve"));
        }

        using var riskManager = RiskManager();
        var detection = await ListedAsync(riskManager, $"merchantId={merchant}&rule=card_velocity", approvals[^1].PaymentId);
        detection.GetProperty("reason").GetString().ShouldBe("The card was approved 5 times within 10 minutes (the limit is 4).");
        foreach (var earlier in approvals.Take(4))
        {
            (await DetectionsOfAsync(earlier.PaymentId, "card_velocity")).ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_payment_far_above_its_merchants_usual_amounts_is_flagged_from_running_statistics()
    {
        var (merchant, _) = await MerchantAsync();
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var usual = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => ApprovedAsync(caller, merchant, 10_000 + i % 5 * 500)));
        var unusual = await ApprovedAsync(caller, merchant, 90_000);

        using var riskManager = RiskManager();
        var detection = await ListedAsync(riskManager, $"merchantId={merchant}&rule=merchant_deviation", unusual.PaymentId);
        detection.GetProperty("reason").GetString()!.ShouldContain("standard deviations above the merchant's mean of 11,000 KRW over 30 payments");
        (await _api.Database.ScalarAsync<long>("SELECT count FROM acquisition.fraud_merchant_amounts WHERE merchant_id = $1", merchant)).ShouldBe(31);
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.fraud_detections WHERE merchant_id = $1 AND rule = 'merchant_deviation'", merchant))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_rule_that_throws_is_recorded_and_skipped_and_the_other_rules_still_detect()
    {
        var (merchant, _) = await MerchantAsync();
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var failuresBefore = await RuleFailuresAsync();
        // The merchant deviation rule loses its statistics table, as a botched migration of one rule would leave it.
        await _api.Database.ExecuteAsync("ALTER TABLE acquisition.fraud_merchant_amounts RENAME TO fraud_merchant_amounts_away");
        try
        {
            var large = await ApprovedAsync(caller, merchant, 7_000_000);

            using var riskManager = RiskManager();
            await ListedAsync(riskManager, $"merchantId={merchant}&rule=amount_threshold", large.PaymentId);
            (await RuleFailuresAsync()).ShouldBeGreaterThan(failuresBefore);
        }
        finally
        {
            await _api.Database.ExecuteAsync("ALTER TABLE acquisition.fraud_merchant_amounts_away RENAME TO fraud_merchant_amounts");
        }

        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.fraud_merchant_amounts WHERE merchant_id = $1", merchant)).ShouldBe(0,
            "the failed rule's work was rolled back to its savepoint");
    }

    private Task<long> RuleFailuresAsync() =>
        _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.fraud_rule_failures WHERE rule = 'merchant_deviation'");

    private HttpClient RiskManager() => platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.RiskManager);

    private async Task<(Guid Merchant, Guid Organization)> MerchantAsync()
    {
        var organization = await _api.OrganizationAsync();
        return (await _api.CreateMerchantAsync(organization), organization);
    }

    private static async Task<PaymentAuthorized> ApprovedAsync(PaymentsCaller caller, Guid merchant, long amount, string cardToken = "tok_visa_approve")
    {
        var reference = Guid.CreateVersion7();
        await caller.AuthorizeAsync(merchant, reference, amount, cardToken);
        return (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();
    }

    private Task<long> DetectionsOfAsync(Guid paymentId, string rule) => _api.Database.ScalarAsync<long>(
        "SELECT count(*) FROM acquisition.fraud_detections WHERE payment_id = $1 AND rule = $2", paymentId, rule);

    private static async Task<JsonElement> ListedAsync(HttpClient riskManager, string filter, Guid paymentId)
    {
        JsonElement listed = default;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await riskManager.GetFromJsonAsync<JsonElement>($"/api/acquisition/fraud-detections?{filter}&limit=200");
            listed = page.GetProperty("items").EnumerateArray().FirstOrDefault(item => item.GetProperty("paymentId").GetGuid() == paymentId);
            return listed.ValueKind == JsonValueKind.Object;
        }, Patience, $"risk managers see a detection of payment {paymentId} ({filter})");
        return listed;
    }
}
