using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.CancelPledge;

/// <summary>
/// One conditional UPDATE of the pledge row (so a cancel happens once), the reward released and, for a Completed pledge,
/// the totals reduced, all in the command's transaction; the payment is voided through the outbox (a pending one is also
/// voided by the saga when its approval comes late).
/// </summary>
internal sealed class CancelPledgeCommandHandler(FundingDbContext db, TimeProvider clock) : IRequestHandler<CancelPledgeCommand, PledgeStatusResponse>
{
    public async Task<PledgeStatusResponse> Handle(CancelPledgeCommand command, CancellationToken cancellationToken)
    {
        var moved = await PledgeRows.CancelAsync(db, command.PledgeId, command.BackerId, clock.GetUtcNow(), cancellationToken);
        if (moved is null)
        {
            var status = await db.Database
                .SqlQuery<string>($"SELECT status AS \"Value\" FROM funding.pledges WHERE id = {command.PledgeId} AND backer_id = {command.BackerId}")
                .SingleOrDefaultAsync(cancellationToken);
            throw status is null
                ? PledgeStatusResponse.NotFound(command.PledgeId)
                : new DomainException(Error.Conflict(
                    "funding.not_cancellable", $"A pledge that is {status} cannot be cancelled, nor one to a project that is no longer open."));
        }

        db.Publish(new CancelPayment(moved.MerchantId, command.PledgeId));
        return new PledgeStatusResponse(command.PledgeId, PledgeRows.Cancelled);
    }
}
