using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Features.SetPricePlan;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.GetPricePlans;

internal sealed class GetPricePlansQueryHandler(BillingDbContext db) : IRequestHandler<GetPricePlansQuery, IReadOnlyList<PricePlanResponse>>
{
    public async Task<IReadOnlyList<PricePlanResponse>> Handle(GetPricePlansQuery query, CancellationToken cancellationToken) =>
        await db.PricePlans.OrderBy(plan => plan.Product)
            .Select(plan => new PricePlanResponse(plan.Product, plan.UnitPrice, plan.MinimumFee, plan.UpdatedAt)).ToListAsync(cancellationToken);
}
