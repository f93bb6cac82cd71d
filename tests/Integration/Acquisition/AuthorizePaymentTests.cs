using System.Net.Http.Json;
using System.Text.Json;
using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

[Collection(IntegrationCollection.Name)]
public sealed class AuthorizePaymentTests(TestPlatform platform)
{
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task An_approved_payment_is_answered_and_stored_with_the_bin_and_last_four_digits_only()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();

        await caller.AuthorizeAsync(merchant, reference, 25_000, "tok_visa_approve");

        var authorized = (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();
        authorized.MerchantId.ShouldBe(merchant);
        authorized.Amount.ShouldBe(25_000);
        authorized.ApprovalNumber.ShouldMatch("^[0-9]{8}$");
        authorized.ApprovedAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Approved");
        var row = await _api.StoredRowAsync(merchant, reference);
        row.ShouldContain("\"card_bin\":\"411111\"");
        row.ShouldContain("\"card_last4\":\"1111\"");
        row.ShouldNotContain("4111111111111111");
        var listed = await _api.ListedAsync(merchant, reference, "Approved");
        listed.GetProperty("id").GetGuid().ShouldBe(authorized.PaymentId);
        listed.GetProperty("approvalNumber").GetString().ShouldBe(authorized.ApprovalNumber);
        listed.GetProperty("cardBin").GetString().ShouldBe("411111");
        listed.GetProperty("cardLast4").GetString().ShouldBe("1111");
        listed.GetProperty("amount").GetInt64().ShouldBe(25_000);
    }

    [Theory]
    [InlineData("tok_decline_insufficient_funds", 10_000, "card.insufficient_funds")]
    [InlineData("tok_decline_stolen", 10_000, "card.stolen")]
    [InlineData("tok_visa_approve", 10_000_001, "card.limit_exceeded")]
    [InlineData("tok_unknown_to_the_network", 10_000, "card.invalid_token")]
    public async Task The_network_declines_sandbox_decline_cards_amounts_over_the_limit_and_unknown_tokens(string cardToken, long amount, string code)
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();

        await caller.AuthorizeAsync(merchant, reference, amount, cardToken);

        var declined = (await caller.AwaitAsync<PaymentDeclined>(reference)).Single();
        declined.ReasonCode.ShouldBe(code);
        declined.Reason.ShouldNotBeNullOrWhiteSpace();
        caller.AnswersFor<PaymentAuthorized>(reference).ShouldBeEmpty();
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Declined");
        (await _api.ListedAsync(merchant, reference, "Declined")).GetProperty("declineCode").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Payments_for_an_unknown_or_a_suspended_merchant_are_declined_without_asking_the_network()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var suspended = await _api.CreateMerchantAsync();
        using var admin = _api.PlatformAdmin();
        var update = await admin.PutAsJsonAsync($"/api/acquisition/merchants/{suspended}", new
        {
            name = $"Suspended {Guid.NewGuid():N}", feeRate = 0.03m, vatRule = "Exempt", settlementCycle = "Weekly", status = "Suspended",
        });
        update.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        var unknownMerchantReference = Guid.CreateVersion7();
        var suspendedReference = Guid.CreateVersion7();

        await caller.AuthorizeAsync(Guid.CreateVersion7(), unknownMerchantReference, 10_000, "tok_visa_approve");
        await caller.AuthorizeAsync(suspended, suspendedReference, 10_000, "tok_visa_approve");

        (await caller.AwaitAsync<PaymentDeclined>(unknownMerchantReference)).Single().ReasonCode.ShouldBe("merchant.unknown");
        (await caller.AwaitAsync<PaymentDeclined>(suspendedReference)).Single().ReasonCode.ShouldBe("merchant.suspended");
        (await _api.StoredStatusAsync(suspended, suspendedReference)).ShouldBe("Declined");
    }

    [Fact]
    public async Task A_card_network_that_never_answers_gets_no_answer_published_and_the_attempt_is_recorded()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();

        await caller.AuthorizeAsync(merchant, reference, 10_000, "tok_no_answer");

        // The authorizer waits Acquisition:CardNetwork:AnswerTimeout (5 s), records NoAnswer and tells the caller nothing.
        var listed = await _api.ListedAsync(merchant, reference, "NoAnswer");
        listed.GetProperty("approvalNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("NoAnswer");
        // Whatever the recording published would be on its way now: count the answers once all of it has arrived.
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "acquisition");
        caller.AnswerCountFor(reference).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_left_pending_by_a_crashed_instance_is_authorized_once_its_lease_runs_out()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();

        // Another instance stored the request and leased it for 3 s, then died before recording the network's answer.
        var paymentId = await StorePendingLeasedByAnotherInstanceAsync(merchant, reference, "tok_visa_approve", leaseLeft: TimeSpan.FromSeconds(3));
        var leaseEnd = await _api.Database.ScalarAsync<DateTime>($"SELECT leased_until FROM acquisition.payment_transactions WHERE id = '{paymentId}'");

        var authorized = (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();
        authorized.ApprovedAt.UtcDateTime.ShouldBeGreaterThanOrEqualTo(leaseEnd, "the network is asked again only once the lease ran out");
        authorized.Amount.ShouldBe(20_000);
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Approved");
        (await _api.TransactionsOfAsync(merchant, reference)).ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_recorded_by_another_instance_while_this_one_waits_on_the_network_stands()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();
        // A request whose first instance's lease has just run out: this host claims it and asks the network, which never
        // answers this card (the wait ends after AnswerTimeout). Meanwhile the first instance comes back and records an approval.
        var paymentId = await StorePendingLeasedByAnotherInstanceAsync(merchant, reference, "tok_no_answer", leaseLeft: TimeSpan.FromSeconds(-1));
        await Eventually.HoldsAsync(
            async () => await _api.Database.ScalarAsync<bool>($"SELECT leased_until > now() FROM acquisition.payment_transactions WHERE id = '{paymentId}'"),
            TimeSpan.FromSeconds(10), "this host leases the request");

        // A second silent request, leased after the first: its "no answer" comes after the first one's, in arrival order.
        var laterReference = Guid.CreateVersion7();
        await StorePendingLeasedByAnotherInstanceAsync(merchant, laterReference, "tok_no_answer", leaseLeft: TimeSpan.FromSeconds(-1));

        await _api.Database.ExecuteAsync($"""
            UPDATE acquisition.payment_transactions SET status = 'Approved', approval_number = '12345678', approved_at = now(), version = 2
             WHERE id = '{paymentId}'
            """);

        // This host's "no answer" arrives after the approval and must not replace it.
        await Eventually.HoldsAsync(async () => await _api.StoredStatusAsync(merchant, laterReference) == "NoAnswer", TimeSpan.FromSeconds(30),
            "the later request's no answer is recorded, so the first one's was handled before it");
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "acquisition");
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Approved");
        (await _api.Database.ScalarAsync<int>($"SELECT version FROM acquisition.payment_transactions WHERE id = '{paymentId}'")).ShouldBe(2);
        caller.AnswerCountFor(reference).ShouldBe(0);
    }

    [Fact]
    public async Task A_burst_of_requests_answered_together_gives_each_payment_its_own_answer_once()
    {
        // The network's answers arrive together and are recorded many per transaction: none may take another's outcome.
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var approved = Enumerable.Range(0, 90).Select(_ => Guid.CreateVersion7()).ToList();
        var declined = Enumerable.Range(0, 60).Select(_ => Guid.CreateVersion7()).ToList();

        await Task.WhenAll(
            approved.Select(reference => caller.AuthorizeAsync(merchant, reference, 12_000, "tok_visa_approve"))
                .Concat(declined.Select(reference => caller.AuthorizeAsync(merchant, reference, 12_000, "tok_decline_insufficient_funds"))));

        foreach (var reference in approved)
        {
            (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single().Amount.ShouldBe(12_000);
            (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Approved");
        }

        foreach (var reference in declined)
        {
            (await caller.AwaitAsync<PaymentDeclined>(reference)).Single().ReasonCode.ShouldBe("card.insufficient_funds");
            (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Declined");
        }

        var paymentIds = approved.Select(reference => caller.AnswersFor<PaymentAuthorized>(reference).Single().PaymentId).ToList();
        paymentIds.Distinct().Count().ShouldBe(approved.Count);
        approved.Concat(declined).ShouldAllBe(reference => caller.AnswerCountFor(reference) == 1);
    }

    [Fact]
    public async Task A_repeated_request_gets_the_first_outcome_again_and_never_a_second_charge()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var approvedReference = Guid.CreateVersion7();
        var declinedReference = Guid.CreateVersion7();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => caller.AuthorizeAsync(merchant, approvedReference, 30_000, "tok_visa_approve")));
        var first = (await caller.AwaitAsync<PaymentAuthorized>(approvedReference)).First();
        await caller.AuthorizeAsync(merchant, approvedReference, 30_000, "tok_visa_approve");
        await caller.AuthorizeAsync(merchant, declinedReference, 30_000, "tok_decline_stolen");
        await caller.AwaitAsync<PaymentDeclined>(declinedReference);
        // A repeat with another card does not change the first outcome.
        await caller.AuthorizeAsync(merchant, declinedReference, 30_000, "tok_visa_approve");

        var all = await caller.AwaitAsync<PaymentAuthorized>(approvedReference, count: 2);
        all.ShouldAllBe(answer => answer.PaymentId == first.PaymentId && answer.ApprovalNumber == first.ApprovalNumber && answer.ApprovedAt == first.ApprovedAt);
        var declines = await caller.AwaitAsync<PaymentDeclined>(declinedReference, count: 2);
        declines.ShouldAllBe(answer => answer.ReasonCode == "card.stolen");
        caller.AnswersFor<PaymentAuthorized>(declinedReference).ShouldBeEmpty();
        (await _api.TransactionsOfAsync(merchant, approvedReference)).ShouldBe(1);
        (await _api.TransactionsOfAsync(merchant, declinedReference)).ShouldBe(1);
    }

    /// <summary>A Pending request of 20,000 KRW as another instance stores it, leased by that instance for <paramref name="leaseLeft"/>.</summary>
    private async Task<Guid> StorePendingLeasedByAnotherInstanceAsync(Guid merchant, Guid reference, string cardToken, TimeSpan leaseLeft)
    {
        var paymentId = Guid.CreateVersion7();
        var organization = await _api.Database.ScalarAsync<Guid>($"SELECT organization_id FROM acquisition.merchants WHERE id = '{merchant}'");
        await _api.Database.ExecuteAsync($"""
            INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, status, requested_at, leased_until, version)
            VALUES ('{paymentId}', '{merchant}', '{organization}', '{reference}', 20000, '{cardToken}', 'Pending', now(),
                    now() + make_interval(secs => {leaseLeft.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}), 1)
            """);
        return paymentId;
    }
}
