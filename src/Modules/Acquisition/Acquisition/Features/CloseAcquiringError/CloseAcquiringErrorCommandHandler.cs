using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.CloseAcquiringError;

internal sealed class CloseAcquiringErrorCommandHandler(AcquisitionDbContext db, TimeProvider clock)
    : IRequestHandler<CloseAcquiringErrorCommand, AcquiringErrorDetail>
{
    public async Task<AcquiringErrorDetail> Handle(CloseAcquiringErrorCommand command, CancellationToken cancellationToken)
    {
        var error = await db.AcquiringErrors.AsTracking().FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                    ?? throw AcquiringErrorErrors.NotFound(command.Id);
        error.Close(Enum.Parse<AcquiringErrorStatus>(command.Status!), command.Note!, clock.GetUtcNow().UtcDateTime);
        return AcquiringErrorDetail.From(error);
    }
}
