using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Features;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.ReadModels;

/// <summary>Detection documents rebuilt from the write model; the higher version wins, as in the projection.</summary>
internal static class FraudDetectionRebuild
{
    public const string Table = "acquisition.fraud_detections";

    public static async Task<IReadOnlyCollection<FraudDetectionDocument>> LoadAsync(AcquisitionDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        (await db.FraudDetections.Where(detection => ids.Contains(detection.Id)).ToListAsync(cancellationToken))
        .Select(detection => FraudDetectionDocument.From(FraudDetectionRecords.Of(detection)))
        .ToList();
}
