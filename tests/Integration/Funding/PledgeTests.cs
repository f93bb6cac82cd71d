using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

[Collection(IntegrationCollection.Name)]
public sealed class PledgeTests(TestPlatform platform)
{
    private readonly FundingApi _api = new(platform.Host);

    [Fact]
    public async Task A_backer_pledges_for_a_reward_gets_202_and_a_location_and_sees_it_completed_in_the_project_totals()
    {
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 10), FundingApi.Tier(50_000, null)]);
        var backerId = Guid.CreateVersion7();
        using var backer = _api.Backer(backerId);

        var response = await FundingApi.PledgeAsync(backer, project, tiers[0]);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        accepted.GetProperty("status").GetString().ShouldBe("Pending");
        accepted.GetProperty("amount").GetInt64().ShouldBe(30_000);
        var pledgeId = accepted.GetProperty("id").GetGuid();
        (await _api.ReservedAsync(tiers[0])).ShouldBe(1, "the reward is reserved before the answer");
        await FundingApi.PolledAsync(backer, pledgeId, "Completed");
        var page = await _api.ProjectPageAsync(project, p => p.GetProperty("backers").GetInt32() == 1, "the project page counts the backer");
        page.GetProperty("raised").GetInt64().ShouldBe(30_000);
        FundingApi.TierOf(page, tiers[0]).GetProperty("left").GetInt32().ShouldBe(9);
        FundingApi.TierOf(page, tiers[0]).GetProperty("backers").GetInt32().ShouldBe(1);
        (await _api.RaisedAsync(project)).ShouldBe(30_000);
        (await _api.PaymentStatusAsync(pledgeId)).ShouldBe("Approved");
        var mine = await backer.GetFromJsonAsync<JsonElement>("/api/funding/pledges/mine");
        mine.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ShouldBe([pledgeId]);
        using var stranger = _api.Backer();
        (await stranger.GetAsync($"/api/funding/pledges/{pledgeId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pledge_without_a_reward_names_an_amount_of_at_least_the_minimum_and_bad_input_stores_nothing()
    {
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 10)]);
        using var backer = _api.Backer();

        (await FundingApi.PledgeAsync(backer, project, tierId: null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FundingApi.PledgeAsync(backer, project, tierId: null, amount: 999)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FundingApi.PledgeAsync(backer, project, tierId: null, amount: 5_000, cardToken: "")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var belowPrice = await FundingApi.PledgeAsync(backer, project, tiers[0], amount: 10_000);
        belowPrice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await FundingApi.CodeOf(belowPrice)).ShouldBe("funding.amount_below_price");
        var unknownTier = await FundingApi.PledgeAsync(backer, project, Guid.CreateVersion7());
        (await FundingApi.CodeOf(unknownTier)).ShouldBe("funding.unknown_tier");
        (await FundingApi.PledgeAsync(backer, Guid.CreateVersion7(), tierId: null, amount: 5_000)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM funding.pledges WHERE project_id = $1", project)).ShouldBe(0);

        var pledgeId = await FundingApi.PledgedAsync(backer, project, tierId: null, amount: 5_000);
        (await FundingApi.PolledAsync(backer, pledgeId, "Completed")).GetProperty("amount").GetInt64().ShouldBe(5_000);
        await _api.ProjectPageAsync(project, p => p.GetProperty("raised").GetInt64() == 5_000, "the gift counts into the total");
    }

    [Fact]
    public async Task A_draft_takes_no_pledges()
    {
        using var admin = await _api.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/funding/projects", await _api.TermsAsync(goal: 1_000));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var backer = _api.Backer();

        var response = await FundingApi.PledgeAsync(backer, id, tierId: null, amount: 5_000);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FundingApi.CodeOf(response)).ShouldBe("funding.project_not_found");
    }

    [Fact]
    public async Task A_retried_pledge_with_its_Idempotency_Key_gets_the_first_answer_and_another_body_is_refused()
    {
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 10)]);
        using var backer = _api.Backer();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => FundingApi.PledgeAsync(backer, project, tiers[0], idempotencyKey: "launch-1")));

        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Accepted);
        var bodies = await Task.WhenAll(answers.Select(answer => answer.Content.ReadAsStringAsync()));
        bodies.Distinct().Count().ShouldBe(1, "every retry gets the first answer byte for byte");
        answers.Select(answer => answer.Headers.Location!.ToString()).Distinct().Count().ShouldBe(1);
        (await _api.ReservedAsync(tiers[0])).ShouldBe(1);
        var other = await FundingApi.PledgeAsync(backer, project, tierId: null, amount: 7_000, idempotencyKey: "launch-1");
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await FundingApi.CodeOf(other)).ShouldBe("funding.idempotency_key_reused");
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM funding.pledges WHERE project_id = $1", project)).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_pledges_by_one_backer_through_two_hosts_leave_one_live_pledge_and_the_rest_answer_already_pledged()
    {
        await using var secondHost = new ModularHostFactory(platform.Settings);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 100)]);
        var backerId = Guid.CreateVersion7();
        using var first = _api.Backer(backerId);
        using var second = new FundingApi(secondHost).Backer(backerId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            FundingApi.PledgeAsync(index % 2 == 0 ? first : second, project, index % 3 == 0 ? null : tiers[0], amount: index % 3 == 0 ? 5_000 : null)));

        answers.Count(answer => answer.StatusCode == HttpStatusCode.Accepted).ShouldBe(1);
        var refused = answers.Where(answer => answer.StatusCode != HttpStatusCode.Accepted).ToList();
        refused.Count.ShouldBe(19);
        foreach (var answer in refused)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await FundingApi.CodeOf(answer)).ShouldBe("funding.already_pledged");
        }

        (await _api.Database.ScalarAsync<long>(
            "SELECT count(*) FROM funding.pledges WHERE project_id = $1 AND backer_id = $2", project, backerId)).ShouldBe(1, "refusals store nothing");
        (await _api.ReservedAsync(tiers[0])).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_limited_reward_under_a_rush_through_two_hosts_is_reserved_exactly_to_its_quantity()
    {
        await using var secondHost = new ModularHostFactory(platform.Settings);
        var second = new FundingApi(secondHost);
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(10_000, 25)]);
        var backers = Enumerable.Range(0, 200).Select(index => index % 2 == 0 ? _api.Backer() : second.Backer()).ToList();

        var answers = await Task.WhenAll(backers.Select(backer => FundingApi.PledgeAsync(backer, project, tiers[0])));

        answers.Count(answer => answer.StatusCode == HttpStatusCode.Accepted).ShouldBe(25);
        var refused = answers.Where(answer => answer.StatusCode != HttpStatusCode.Accepted).ToList();
        refused.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Conflict);
        foreach (var answer in refused.Take(5))
        {
            (await FundingApi.CodeOf(answer)).ShouldBe("funding.reward_sold_out");
        }

        (await _api.ReservedAsync(tiers[0])).ShouldBe(25);
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM funding.pledges WHERE project_id = $1", project)).ShouldBe(25);
        await Eventually.HoldsAsync(async () => await _api.PledgesAsync(project, "Completed") == 25, FundingApi.Patience, "every accepted pledge is paid");
        (await _api.RaisedAsync(project)).ShouldBe(250_000);
        var page = await _api.ProjectPageAsync(project, p => p.GetProperty("backers").GetInt32() == 25, "the page shows 25 backers");
        FundingApi.TierOf(page, tiers[0]).GetProperty("left").GetInt32().ShouldBe(0);
        backers.ForEach(backer => backer.Dispose());
    }
}
