using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features.GetMerchant;

internal sealed class GetMerchantQueryHandler(AcquisitionDbContext db, ICurrentUser user) : IRequestHandler<GetMerchantQuery, MerchantResponse>
{
    public async Task<MerchantResponse> Handle(GetMerchantQuery query, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Id == query.MerchantId, cancellationToken);
        return merchant is not null && user.CanSee(merchant.OrganizationId)
            ? MerchantResponse.From(merchant)
            : throw MerchantErrors.NotFound(query.MerchantId);
    }
}
