using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Acquisition.Features.GetAcquiringErrors;

/// <summary>Newest first by the time-ordered id (keyset); a status filter rides acquiring_errors_by_status.</summary>
internal sealed class GetAcquiringErrorsQueryHandler(AcquisitionDbContext db) : IRequestHandler<GetAcquiringErrorsQuery, KeysetPage<AcquiringErrorSummary>>
{
    public async Task<KeysetPage<AcquiringErrorSummary>> Handle(GetAcquiringErrorsQuery query, CancellationToken cancellationToken)
    {
        var errors = db.AcquiringErrors.AsQueryable();
        if (query.Status is { } status)
        {
            var wanted = Enum.Parse<AcquiringErrorStatus>(status);
            errors = errors.Where(error => error.Status == wanted);
        }

        if (query.Code is { } code)
        {
            errors = errors.Where(error => error.Codes.Contains(code));
        }

        if (query.MerchantId is { } merchantId)
        {
            errors = errors.Where(error => error.MerchantId == merchantId);
        }

        if (query.From is { } from)
        {
            var since = from.ToUniversalTime();
            errors = errors.Where(error => error.FirstSeenAt >= since);
        }

        if (query.To is { } to)
        {
            var until = to.ToUniversalTime();
            errors = errors.Where(error => error.FirstSeenAt < until);
        }

        if (query.Before is { } before)
        {
            errors = errors.Where(error => error.Id.CompareTo(before) < 0);
        }

        var rows = await errors.OrderByDescending(error => error.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return KeysetPage<AcquiringErrorSummary>.Of(rows, query.Limit, error => error.Id, AcquiringErrorSummary.From);
    }
}
