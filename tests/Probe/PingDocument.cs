using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Tests.Probe;

/// <summary>
/// The projection's document of a ping: how many times a consumer applied its PingRecorded (exactly-once shows as 1) and
/// when first. Counting, not overwriting, is what lets the tests and the bench see a duplicate.
/// </summary>
public sealed class PingDocument : IReadDocument
{
    public Guid Id { get; init; }

    public int Applications { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public static PingDocument Applied(PingDocument? current, Guid pingId) => current is null
        ? new PingDocument { Id = pingId, Applications = 1, AppliedAt = DateTimeOffset.UtcNow }
        : current.AppliedOnceMore();

    private PingDocument AppliedOnceMore()
    {
        Applications++;
        return this;
    }
}
