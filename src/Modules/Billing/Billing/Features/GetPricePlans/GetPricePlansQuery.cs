using Modular.Billing.Features.SetPricePlan;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GetPricePlans;

/// <summary>Every product's price (a short list: one row per product sold).</summary>
internal sealed record GetPricePlansQuery : IQuery<IReadOnlyList<PricePlanResponse>>;
