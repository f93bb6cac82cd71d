using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Messaging;

[Collection(IntegrationCollection.Name)]
public sealed class OutboxAtomicityTests(TestPlatform platform)
{
    [Fact]
    public async Task A_committed_command_is_consumed_once()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var pingId = Guid.CreateVersion7();

        await host.SendAsync(new RecordPing(pingId, "hello"));

        await Eventually.HoldsAsync(async () => await effects.ForAsync(pingId) == 1, TimeSpan.FromSeconds(15), "the projection applied the ping");
        (await effects.PendingInOutboxAsync(pingId)).ShouldBe(0, "delivered rows leave the outbox");
    }

    [Fact]
    public async Task A_command_that_rolls_back_never_publishes()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var refused = Guid.CreateVersion7();
        var accepted = Guid.CreateVersion7();

        await Should.ThrowAsync<DomainException>(() => host.SendAsync(new RecordPing(refused, "refused", FailAfterPublish: true)));
        await host.SendAsync(new RecordPing(accepted, "accepted"));

        // The later command's effect proves delivery ran past the point where the refused one would have arrived.
        await Eventually.HoldsAsync(async () => await effects.ForAsync(accepted) == 1, TimeSpan.FromSeconds(15), "the accepted ping was applied");
        (await effects.ForAsync(refused)).ShouldBe(0);
        (await effects.PendingInOutboxAsync(refused)).ShouldBe(0);
    }

    [Fact]
    public async Task Invalid_commands_answer_400_with_every_field_error_and_store_nothing()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var pingId = Guid.CreateVersion7();

        var response = await host.CreateClient().PostAsJsonAsync("/api/probe/pings", new { pingId, payload = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("validation.failed");
        problem.GetProperty("errors").GetProperty("payload").GetArrayLength().ShouldBeGreaterThan(0);
        (await ProbeEffects.Open(platform).PendingInOutboxAsync(pingId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_business_refusal_answers_its_stable_code()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);

        var response = await host.CreateClient().PostAsJsonAsync("/api/probe/pings", new { pingId = Guid.CreateVersion7(), payload = "x", failAfterPublish = true });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("probe.refused");
    }

    [Fact]
    public async Task Malformed_json_answers_a_400_problem()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);

        var response = await host.CreateClient().PostAsync("/api/probe/pings",
            new StringContent("{\"pingId\": \"not-a-guid\", ", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("request.malformed");
        problem.TryGetProperty("exception", out _).ShouldBeFalse();
    }
}
