using System.Collections.Concurrent;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Funding.Infrastructure;

/// <summary>
/// What a pledge needs to know of its project (owner, merchant, period, tier prices), kept for a second so a hot project
/// costs no extra query per pledge. Only Open projects are kept: an open project's terms no longer change and its
/// period is checked against the clock on every pledge, so an entry cannot go wrong while it lives. Draft and closed
/// projects are read again each time (rare, and an opening must be seen at once). What is left of a tier is never kept:
/// the reservation's conditional UPDATE decides.
/// </summary>
internal sealed class OpenProjects(ModuleDataSource<FundingDbContext> database)
{
    private const long LifetimeMs = 1_000;
    private readonly ConcurrentDictionary<Guid, (ProjectSnapshot Project, long LoadedAt)> _entries = new();

    public async Task<ProjectSnapshot?> GetAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(projectId, out var entry) && now - entry.LoadedAt < LifetimeMs)
        {
            return entry.Project;
        }

        var project = await LoadAsync(projectId, cancellationToken);
        if (project is { Status: "Open" })
        {
            _entries[projectId] = (project, now);
        }

        return project;
    }

    private async Task<ProjectSnapshot?> LoadAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT organization_id, merchant_id, status, starts_at, deadline FROM funding.projects WHERE id = $1") { Parameters = { new() { Value = projectId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT id, price FROM funding.reward_tiers WHERE project_id = $1") { Parameters = { new() { Value = projectId } } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (organizationId, merchantId, status, startsAt, deadline) =
            (reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetDateTime(3), reader.GetDateTime(4));
        await reader.NextResultAsync(cancellationToken);
        var tierPrices = new Dictionary<Guid, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tierPrices[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return new ProjectSnapshot(projectId, organizationId, merchantId, status, startsAt, deadline, tierPrices);
    }
}

internal sealed record ProjectSnapshot(
    Guid Id, Guid OrganizationId, Guid MerchantId, string Status, DateTime StartsAt, DateTime Deadline, IReadOnlyDictionary<Guid, long> TierPrices)
{
    public bool TakesPledgesAt(DateTime now) => Status == "Open" && now >= StartsAt && now < Deadline;
}
