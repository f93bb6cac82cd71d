namespace Modular.Settlement.Domain;

/// <summary>
/// A user's export of the ledger rows matching a filter. Created Queued by the request; from then on only the export
/// worker moves it (claim, progress, Ready or Failed, Expired), by conditional SQL on its lease.
/// </summary>
internal sealed class ExportJob
{
    private ExportJob()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestedBy { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string Filter { get; private set; } = "";
    public string FilterHash { get; private set; } = "";
    public string Status { get; private set; } = ExportStatus.Queued;
    public long? RowsCounted { get; private set; }
    public long RowsWritten { get; private set; }
    public long? SizeBytes { get; private set; }
    public string? FileKey { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public string? Error { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsActive => Status is ExportStatus.Queued or ExportStatus.Running;

    /// <param name="filter">The filter as stored (JSON), what the worker exports.</param>
    /// <param name="filterHash">Identifies "the same request" of one user: the canonical filter and scope.</param>
    public static ExportJob Request(Guid requestedBy, Guid? organizationId, string filter, string filterHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestedBy = requestedBy,
        OrganizationId = organizationId,
        Filter = filter,
        FilterHash = filterHash,
        Status = ExportStatus.Queued,
        CreatedAt = now,
    };
}
