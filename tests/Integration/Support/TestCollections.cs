namespace Modular.Tests.Integration.Support;

// A collection runs its tests one at a time on a TestPlatform of its own (containers, SMTP sink and shared Host): the
// two parallel collections never see each other's data, queues or broker outages. They run side by side because most
// of the own-host tests wait (a 60 s outage, a killed process coming back) while the shared ones work.

/// <summary>Tests on the shared Host: the module use cases, contracts, hardening.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<TestPlatform>
{
    public const string Name = "integration";
}

/// <summary>Tests that start hosts or processes of their own and stop, freeze, kill or wait on them.</summary>
[CollectionDefinition(Name)]
public sealed class OwnHostsCollection : ICollectionFixture<TestPlatform>
{
    public const string Name = "own hosts";
}

/// <summary>
/// Tests that measure latency: they run after the parallel collections, alone on the machine, so another collection's
/// load never counts against their percentiles.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection : ICollectionFixture<TestPlatform>
{
    public const string Name = "measured alone";
}
