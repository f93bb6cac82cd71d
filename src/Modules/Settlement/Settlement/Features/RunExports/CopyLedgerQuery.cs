using MediatR;
using Modular.Settlement.Domain;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// Writes the matching ledger rows as CSV lines (no header) to <paramref name="Target"/>, within
/// <paramref name="Partition"/> of the ordering date when given; reports rows written so far to <paramref name="Progress"/>.
/// Returns the number of rows written.
/// </summary>
internal sealed record CopyLedgerQuery(
    LedgerFilter Filter, Guid? OrganizationId, (DateTimeOffset From, DateTimeOffset To)? Partition, TextWriter Target, Action<long> Progress)
    : IRequest<long>;

/// <summary>How many rows match, and the span of their ordering date (null when none).</summary>
internal sealed record MeasureLedgerQuery(LedgerFilter Filter, Guid? OrganizationId) : IRequest<LedgerMeasure>;

internal sealed record LedgerMeasure(long Rows, DateTimeOffset? First, DateTimeOffset? Last);
