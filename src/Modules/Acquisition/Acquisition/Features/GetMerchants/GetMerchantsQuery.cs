using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Acquisition.Features.GetMerchants;

internal sealed record GetMerchantsQuery(Guid? Before, int Limit) : IQuery<KeysetPage<MerchantResponse>>;
