using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.GetMerchants;

internal sealed record GetMerchantsQuery(Guid? Before, int Limit) : IQuery<MerchantPage>;
