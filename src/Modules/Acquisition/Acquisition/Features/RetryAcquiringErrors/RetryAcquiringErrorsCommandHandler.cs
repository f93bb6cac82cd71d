using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Features.RetryAcquiringErrors;

/// <summary>Each error is due at once: the loop's next run (within its interval) tries it again. A resolved error is refused (409).</summary>
internal sealed class RetryAcquiringErrorsCommandHandler(AcquisitionDbContext db, TimeProvider clock)
    : IRequestHandler<RetryAcquiringErrorsCommand, RetryAcquiringErrorsResponse>
{
    public async Task<RetryAcquiringErrorsResponse> Handle(RetryAcquiringErrorsCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Ids.Distinct().ToList();
        var errors = await db.AcquiringErrors.AsTracking().Where(error => ids.Contains(error.Id)).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => errors.All(error => error.Id != id)) is var missing && missing != Guid.Empty)
        {
            throw AcquiringErrorErrors.NotFound(missing);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var error in errors)
        {
            error.RetryNow(now);
        }

        return new RetryAcquiringErrorsResponse(errors.Count);
    }
}
