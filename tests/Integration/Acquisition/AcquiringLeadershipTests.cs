using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>One acquiring worker across instances, a standby that takes over from a killed leader, and SIGTERM.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class AcquiringLeadershipTests(TestPlatform platform)
{
    // The leader's session lock (AcquiringLeadership's key, 0x61637175697265) in this database; projections hold other advisory locks.
    private const string LeaderLocks = """
        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND (classid::bigint << 32 | objid::bigint) = 27412411693232741 AND objsubid = 1
        """;

    [Fact]
    public async Task A_standby_acquires_within_seconds_after_the_leader_process_is_killed()
    {
        var settings = await AcquiringHost.SettingsAsync(platform);
        var leader = await HostProcess.StartAsync(settings);
        await using var killed = leader;
        await using var standby = await AcquiringHost.StartOnAsync(settings);
        var merchant = await standby.Api.CreateMerchantAsync();
        var before = await standby.ApprovedPaymentAsync(merchant, 1_000);
        await Eventually.HoldsAsync(async () => await standby.AcquisitionsOfAsync(before) == 1, TimeSpan.FromSeconds(30), "the leader acquires");
        (await standby.Database.ScalarAsync<long>(LeaderLocks)).ShouldBe(1, "one leader between the two instances");

        await leader.KillAsync();
        var after = await standby.ApprovedPaymentAsync(merchant, 2_000);

        await Eventually.HoldsAsync(async () => await standby.AcquisitionsOfAsync(after) == 1, TimeSpan.FromSeconds(10),
            "the standby takes over and acquires");
        (await standby.AcquisitionsOfAsync(before)).ShouldBe(1);
        (await standby.Database.ScalarAsync<long>(LeaderLocks)).ShouldBe(1);
    }

    [Fact]
    public async Task On_SIGTERM_the_run_commits_its_current_chunk_and_stops_and_a_restart_acquires_the_rest_exactly_once()
    {
        const int payments = 60_000;
        var settings = await AcquiringHost.SettingsAsync(platform);
        int exitCode;
        await using var database = new TestDatabase(TestPlatform.ServicesOf(settings));
        await using (var host = await HostProcess.StartAsync(settings))
        {
            // Registered through a host that stays out of the election, so the process is the only worker.
            await using (var registrar = new ModularHostFactory(settings.Append(new("Acquisition:Acquiring:Enabled", "false")).ToDictionary()))
            {
                await SeedAsync(database, await new AcquisitionApi(registrar).CreateMerchantAsync(), payments);
            }

            await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquisitions") > 0,
                TimeSpan.FromSeconds(60), $"the run has begun\n{host.OutputTail}");

            exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(60));
        }

        exitCode.ShouldBe(0);
        var acquired = await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquisitions");
        acquired.ShouldBeLessThan(payments, "stopped in the middle of the run");
        (acquired % 500).ShouldBe(0, "every chunk begun was committed whole");

        await using var restarted = await HostProcess.StartAsync(settings);
        await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquisitions") == payments,
            TimeSpan.FromSeconds(90), "the restarted Host acquires the rest");
        (await database.ScalarAsync<long>("SELECT count(DISTINCT payment_id) FROM acquisition.acquisitions")).ShouldBe(payments);
    }

    private static Task SeedAsync(TestDatabase database, Guid merchantId, int count) => database.ExecuteAsync(
        """
        INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, card_bin,
            card_last4, status, approval_number, requested_at, approved_at, version)
        SELECT gen_random_uuid(), m.id, m.organization_id, gen_random_uuid(), 1000 + i, 'tok_visa_approve', '411111', '1111', 'Approved',
            'S' || i, now() - interval '1 day' + i * interval '1 second', now() - interval '1 day' + i * interval '1 second', 2
        FROM acquisition.merchants m, generate_series(1, $2) AS i WHERE m.id = $1
        """, merchantId, count);
}
