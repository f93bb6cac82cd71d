using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.SetPricePlan;

internal sealed class SetPricePlanCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<SetPricePlanCommand, PricePlanResponse>
{
    public async Task<PricePlanResponse> Handle(SetPricePlanCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.PricePlans.AsTracking().SingleOrDefaultAsync(p => p.Product == command.Product, cancellationToken);
        if (plan is null)
        {
            plan = PricePlan.Of(command.Product, command.UnitPrice, command.MinimumFee, now);
            db.PricePlans.Add(plan);
        }
        else
        {
            plan.Change(command.UnitPrice, command.MinimumFee, now);
        }

        return new PricePlanResponse(plan.Product, plan.UnitPrice, plan.MinimumFee, plan.UpdatedAt);
    }
}
