using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Settlement.Features.GetMyExports;

internal sealed record GetMyExportsQuery(Guid? Before, int Limit) : IQuery<KeysetPage<ExportJobView>>;
