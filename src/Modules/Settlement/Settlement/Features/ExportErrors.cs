using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Settlement.Features;

internal static class ExportErrors
{
    /// <summary>Also the answer for another user's job, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid jobId) => new(Error.NotFound("settlement.export_not_found", $"Export {jobId} was not found."));

    public static DomainException LinkInvalid() =>
        new(Error.Forbidden("settlement.link_invalid", "The download link's signature is not valid."));

    public static DomainException LinkExpired() =>
        new(Error.Forbidden("settlement.link_expired", "The download link has expired; ask for the export again to get a new one."));

    public static DomainException FileGone(Guid jobId) =>
        new(Error.NotFound("settlement.export_file_gone", $"The file of export {jobId} is not available (not ready, or deleted after its retention)."));
}
