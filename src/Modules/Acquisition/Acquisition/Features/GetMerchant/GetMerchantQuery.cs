using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.GetMerchant;

internal sealed record GetMerchantQuery(Guid MerchantId) : IQuery<MerchantResponse>;
