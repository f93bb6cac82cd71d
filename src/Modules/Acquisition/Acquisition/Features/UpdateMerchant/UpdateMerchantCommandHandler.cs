using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.UpdateMerchant;

internal sealed class UpdateMerchantCommandHandler(AcquisitionDbContext db, TimeProvider clock) : IRequestHandler<UpdateMerchantCommand, MerchantResponse>
{
    public async Task<MerchantResponse> Handle(UpdateMerchantCommand command, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsTracking().FirstOrDefaultAsync(m => m.Id == command.MerchantId, cancellationToken)
            ?? throw MerchantErrors.NotFound(command.MerchantId);
        await db.EnsureUniqueAsync(merchant.Id, merchant.OrganizationId, command.Name, command.BusinessRegistrationNumber, cancellationToken);
        merchant.Update(
            command.Name, command.BusinessRegistrationNumber, command.FeeRate!.Value, command.ParsedVatRule(), command.ParsedSettlementCycle(),
            Enum.Parse<MerchantStatus>(command.Status!, ignoreCase: true), clock.GetUtcNow().UtcDateTime);
        db.PublishRecorded(merchant);
        return MerchantResponse.From(merchant);
    }
}
