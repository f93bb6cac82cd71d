using MediatR;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.CreateMerchant;

internal sealed class CreateMerchantCommandHandler(AcquisitionDbContext db, TimeProvider clock) : IRequestHandler<CreateMerchantCommand, MerchantResponse>
{
    public async Task<MerchantResponse> Handle(CreateMerchantCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureUniqueAsync(self: null, command.OrganizationId, command.Name, command.BusinessRegistrationNumber, cancellationToken);
        var merchant = Merchant.Create(
            command.OrganizationId, command.Name, command.BusinessRegistrationNumber, command.FeeRate!.Value,
            command.ParsedVatRule(), command.ParsedSettlementCycle(), clock.GetUtcNow().UtcDateTime);
        db.Merchants.Add(merchant);
        return MerchantResponse.From(merchant);
    }
}
