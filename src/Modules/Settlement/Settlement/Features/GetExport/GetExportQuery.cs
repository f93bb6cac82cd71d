using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Settlement.Features.GetExport;

internal sealed record GetExportQuery(Guid JobId) : IQuery<ExportJobView>;
