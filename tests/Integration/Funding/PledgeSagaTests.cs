using System.Net;
using System.Text.Json;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

[Collection(IntegrationCollection.Name)]
public sealed class PledgeSagaTests(TestPlatform platform)
{
    /// <summary>Far past the 30 s payment timeout and the 5 s close grace, and inside the 5 min clock skew that access tokens allow.</summary>
    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromMinutes(3);

    private readonly FundingApi _api = new(platform.Host);

    [Fact]
    public async Task A_declined_payment_fails_the_pledge_and_releases_the_reward_exactly_once()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 5)]);
        using var backer = _api.Backer();
        var pledgeId = await FundingApi.PledgedAsync(backer, project, tiers[0], cardToken: FundingApi.DecliningCard);

        var failed = await FundingApi.PolledAsync(backer, pledgeId, "Failed");
        failed.GetProperty("reason").GetString().ShouldBe("payment.declined");
        // The same request again (a redelivered AuthorizePayment): Acquisition answers the first decline a second time.
        await payments.RepeatAuthorizationAsync(pledgeId);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.DeclinesOf(pledgeId) == 2), FundingApi.Patience, "the decline answered twice");
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "acquisition", "funding");

        (await _api.ReservedAsync(tiers[0])).ShouldBe(0, "reserved once and released once");
        (await _api.RaisedAsync(project)).ShouldBe(0);
        var again = await FundingApi.PledgeAsync(backer, project, tiers[0]);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted, "a failed pledge is not live: the backer may pledge again");
    }

    [Fact]
    public async Task No_answer_before_the_deadline_fails_the_pledge_and_a_late_approval_is_cancelled()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 5)]);
        using var backer = _api.Backer();
        var pledgeId = await FundingApi.PledgedAsync(backer, project, tiers[0], cardToken: FundingApi.SilentCard);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(pledgeId)), FundingApi.Patience, "authorization asked");

        using (platform.Host.Clock.Advance(PastTheDeadline))
        {
            await Eventually.HoldsAsync(async () => await _api.StatusAsync(pledgeId) == "Failed", FundingApi.Patience, "the timeout worker failed the pledge");
        }

        (await FundingApi.PolledAsync(backer, pledgeId, "Failed")).GetProperty("reason").GetString().ShouldBe("payment.timeout");
        (await _api.ReservedAsync(tiers[0])).ShouldBe(0);

        await payments.ApproveLateAsync(pledgeId);

        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(pledgeId) == 1), FundingApi.Patience,
            "the late approval is voided with CancelPayment");
        (await _api.StatusAsync(pledgeId)).ShouldBe("Failed");
        (await _api.RaisedAsync(project)).ShouldBe(0);
        (await _api.ReservedAsync(tiers[0])).ShouldBe(0);
    }

    [Fact]
    public async Task A_backer_cancels_a_completed_pledge_the_payment_is_cancelled_the_reward_released_and_the_totals_reduced()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 5)]);
        var backerId = Guid.CreateVersion7();
        using var backer = _api.Backer(backerId);
        using var other = _api.Backer();
        var pledgeId = await FundingApi.PledgedAsync(backer, project, tiers[0]);
        var otherPledge = await FundingApi.PledgedAsync(other, project, tiers[0]);
        await FundingApi.PolledAsync(backer, pledgeId, "Completed");
        await FundingApi.PolledAsync(other, otherPledge, "Completed");
        await _api.ProjectPageAsync(project, p => p.GetProperty("backers").GetInt32() == 2, "two backers counted");
        using var stranger = _api.Backer();
        (await stranger.PostAsync($"/api/funding/pledges/{pledgeId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var cancelled = await backer.PostAsync($"/api/funding/pledges/{pledgeId}/cancel", null);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.ReservedAsync(tiers[0])).ShouldBe(1);
        (await _api.RaisedAsync(project)).ShouldBe(30_000);
        await Eventually.HoldsAsync(async () => await _api.PaymentStatusAsync(pledgeId) == "Canceled", FundingApi.Patience, "Acquisition voided the payment");
        (await FundingApi.PolledAsync(backer, pledgeId, "Cancelled")).GetProperty("reason").GetString().ShouldBe("backer.cancelled");
        var page = await _api.ProjectPageAsync(project, p => p.GetProperty("backers").GetInt32() == 1, "the page counts one backer again");
        page.GetProperty("raised").GetInt64().ShouldBe(30_000);
        FundingApi.TierOf(page, tiers[0]).GetProperty("left").GetInt32().ShouldBe(4);
        var again = await backer.PostAsync($"/api/funding/pledges/{pledgeId}/cancel", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await FundingApi.CodeOf(again)).ShouldBe("funding.not_cancellable");
        payments.CancellationsOf(pledgeId).ShouldBe(1);
        payments.CancellationsOf(otherPledge).ShouldBe(0);
    }

    [Fact]
    public async Task A_backer_cancel_while_the_payment_is_pending_voids_the_approval_that_follows()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 5)]);
        using var backer = _api.Backer();
        var pledgeId = await FundingApi.PledgedAsync(backer, project, tiers[0], cardToken: FundingApi.SilentCard);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(pledgeId)), FundingApi.Patience, "authorization asked");

        (await backer.PostAsync($"/api/funding/pledges/{pledgeId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(pledgeId) == 1), FundingApi.Patience, "the pending payment is cancelled");
        await Eventually.HoldsAsync(async () => await _api.Database.ScalarAsync<string>(
            "SELECT current_state FROM funding.pledge_states WHERE correlation_id = $1", pledgeId) == "Cancelled", FundingApi.Patience,
            "the saga knows the pledge is cancelled");
        await payments.ApproveLateAsync(pledgeId);

        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(pledgeId) == 2), FundingApi.Patience, "the approval that came after is voided too");
        (await _api.StatusAsync(pledgeId)).ShouldBe("Cancelled");
        (await _api.ReservedAsync(tiers[0])).ShouldBe(0);
        (await _api.RaisedAsync(project)).ShouldBe(0);
    }

    [Fact]
    public async Task At_the_deadline_a_project_that_reached_its_goal_succeeds_and_its_pledges_stay_paid()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 50_000, deadlineIn: TimeSpan.FromMinutes(2), FundingApi.Tier(30_000, null));
        using var early = _api.Backer();
        var first = await FundingApi.PledgeAsync(early, project, tiers[0], idempotencyKey: "early-bird");
        var firstAnswer = await first.Content.ReadAsStringAsync();
        var pledges = new List<Guid> { JsonDocument.Parse(firstAnswer).RootElement.GetProperty("id").GetGuid() };
        using (var backer = _api.Backer())
        {
            pledges.Add(await FundingApi.PledgedAsync(backer, project, tiers[0]));
        }

        await Eventually.HoldsAsync(async () => await _api.PledgesAsync(project, "Completed") == 2, FundingApi.Patience, "both pledges paid");

        // The late backer's token is issued before the clock moves: the host validates tokens on the real clock.
        using var late = _api.Backer();
        using (platform.Host.Clock.Advance(PastTheDeadline))
        {
            await Eventually.HoldsAsync(async () => await _api.ProjectStatusAsync(project) == "Succeeded", FundingApi.Patience,
                "the project succeeded at its deadline");
            var tooLate = await FundingApi.PledgeAsync(late, project, tiers[0]);
            tooLate.StatusCode.ShouldBe(HttpStatusCode.Conflict, await tooLate.Content.ReadAsStringAsync());
            (await FundingApi.CodeOf(tooLate)).ShouldBe("funding.project_not_open");
            // A client that never saw its first answer retries after the close: it gets that answer, not "not open".
            var retried = await FundingApi.PledgeAsync(early, project, tiers[0], idempotencyKey: "early-bird");
            retried.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await retried.Content.ReadAsStringAsync()).ShouldBe(firstAnswer);
        }

        await _api.ProjectPageAsync(project, p => p.GetProperty("status").GetString() == "Succeeded", "the page shows the success");
        (await _api.PledgesAsync(project, "Completed")).ShouldBe(2);
        pledges.ShouldAllBe(pledge => payments.CancellationsOf(pledge) == 0);
    }

    [Fact]
    public async Task At_the_deadline_a_project_short_of_its_goal_fails_and_every_completed_pledge_is_refunded()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 10_000_000, deadlineIn: TimeSpan.FromMinutes(2), FundingApi.Tier(30_000, 10));
        var backers = Enumerable.Range(0, 3).Select(_ => (Id: Guid.CreateVersion7(), Client: (HttpClient?)null)).Select(b => (b.Id, Client: _api.Backer(b.Id))).ToList();
        var pledges = new List<Guid>();
        foreach (var (_, client) in backers)
        {
            pledges.Add(await FundingApi.PledgedAsync(client, project, tiers[0]));
        }

        await Eventually.HoldsAsync(async () => await _api.PledgesAsync(project, "Completed") == 3, FundingApi.Patience, "all pledges paid");

        using (platform.Host.Clock.Advance(PastTheDeadline))
        {
            await Eventually.HoldsAsync(async () => await _api.ProjectStatusAsync(project) == "Failed", FundingApi.Patience, "the project failed at its deadline");
        }

        var page = await _api.ProjectPageAsync(project, p => p.GetProperty("status").GetString() == "Failed" && p.GetProperty("backers").GetInt32() == 0,
            "the project page shows the failure and the refunds");
        page.GetProperty("raised").GetInt64().ShouldBe(0);

        foreach (var (pledge, (_, client)) in pledges.Zip(backers))
        {
            (await FundingApi.PolledAsync(client, pledge, "Refunded")).GetProperty("reason").GetString().ShouldBe("project.failed");
            await Eventually.HoldsAsync(async () => await _api.PaymentStatusAsync(pledge) == "Canceled", FundingApi.Patience, $"payment of {pledge} voided");
            payments.CancellationsOf(pledge).ShouldBe(1);
            client.Dispose();
        }

        (await _api.RaisedAsync(project)).ShouldBe(0);
        (await _api.BackersAsync(project)).ShouldBe(0);
        (await _api.ReservedAsync(tiers[0])).ShouldBe(0);
    }
}
