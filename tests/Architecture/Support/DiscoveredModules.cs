namespace Modular.Tests.Architecture.Support;

/// <summary>The modules under src/Modules as xunit theory data: one test case per module.</summary>
public static class DiscoveredModules
{
    public static TheoryData<string> All => new(Solution.Modules);
}
