using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Settlement.Features.DownloadExport;

/// <summary>A local-storage download: the link's expiry (Unix seconds) and signature are the authorization.</summary>
internal sealed record DownloadExportQuery(Guid JobId, long Expires, string? Signature) : IQuery<ExportContent>;

internal sealed record ExportContent(Stream Content, string ContentType, string FileName);
