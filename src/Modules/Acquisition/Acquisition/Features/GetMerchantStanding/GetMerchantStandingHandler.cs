using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.GetMerchantStanding;

internal sealed class GetMerchantStandingHandler(AcquisitionDbContext db) : IRequestHandler<Contracts.GetMerchantStanding, MerchantStanding?>
{
    public async Task<MerchantStanding?> Handle(Contracts.GetMerchantStanding request, CancellationToken cancellationToken) =>
        await db.Merchants.Where(merchant => merchant.Id == request.MerchantId)
            .Select(merchant => new MerchantStanding(merchant.Id, merchant.OrganizationId, merchant.Status.ToString()))
            .SingleOrDefaultAsync(cancellationToken);
}
