using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.GetAcquiringError;

internal sealed class GetAcquiringErrorQueryHandler(AcquisitionDbContext db) : IRequestHandler<GetAcquiringErrorQuery, AcquiringErrorDetail>
{
    public async Task<AcquiringErrorDetail> Handle(GetAcquiringErrorQuery query, CancellationToken cancellationToken) =>
        AcquiringErrorDetail.From(await db.AcquiringErrors.FirstOrDefaultAsync(error => error.Id == query.Id, cancellationToken)
                                  ?? throw AcquiringErrorErrors.NotFound(query.Id));
}
