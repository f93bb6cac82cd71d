namespace Modular.Tests.Architecture.Support;

public static class ViolationAssertions
{
    /// <summary>Fails with every violation on its own line, under the rule that was broken.</summary>
    public static void ShouldBeClean(this IReadOnlyList<string> violations, string rule)
    {
        if (violations.Count > 0)
        {
            throw new ShouldAssertException($"{rule}: {violations.Count} violation(s)\n  - {string.Join("\n  - ", violations)}");
        }
    }
}
