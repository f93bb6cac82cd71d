using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.SetPricePlan;

/// <summary>Creates or changes a product's price; invoices generated afterwards use it (issued ones keep theirs).</summary>
internal sealed record SetPricePlanCommand(string Product, decimal UnitPrice, long MinimumFee) : ICommand<PricePlanResponse>;

internal sealed record PricePlanResponse(string Product, decimal UnitPrice, long MinimumFee, DateTime UpdatedAt);
