using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Foundation;

/// <summary>
/// The sum of every pool over the planned instances stays within 80 % of the server's max_connections: checked at
/// start-up, so "too many clients" is a refused deployment, not a launch-day outage.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConnectionBudgetTests(TestPlatform platform)
{
    [Fact]
    public async Task The_deployed_pools_of_two_instances_fit_within_80_percent_of_max_connections()
    {
        _ = platform.Host.CreateClient();
        var pools = platform.Host.Services.GetServices<ConnectionPool>().ToList();
        await using var database = new TestDatabase(platform.Services);
        var maxConnections = await database.ScalarAsync<int>("SELECT current_setting('max_connections')::int");

        pools.Select(pool => pool.Name).ShouldBeUnique();
        foreach (var module in new[] { "iam", "ordering", "acquisition", "funding", "settlement", "billing" })
        {
            pools.ShouldContain(pool => pool.Name == $"modular-{module}", $"{module}'s write pool is declared");
            pools.ShouldContain(pool => pool.Name == $"modular-{module}-read", $"{module}'s read pool is declared");
        }

        (pools.Sum(pool => pool.MaxSize) * new ConnectionBudgetOptions().Instances).ShouldBeLessThanOrEqualTo((int)(maxConnections * 0.8));
    }

    [Fact]
    public void A_host_planned_for_more_instances_than_the_database_allows_refuses_to_start_and_names_its_pools()
    {
        using var root = new ModularHostFactory(platform.Settings);
        using var crowded = root.WithWebHostBuilder(builder => builder.UseSetting("ConnectionBudget:Instances", "10"));

        var failure = Should.Throw<InvalidOperationException>(() => crowded.CreateClient());

        failure.Message.ShouldContain("over the budget");
        failure.Message.ShouldContain("modular-platform 5");
        failure.Message.ShouldContain("modular-ordering 30");
    }
}
