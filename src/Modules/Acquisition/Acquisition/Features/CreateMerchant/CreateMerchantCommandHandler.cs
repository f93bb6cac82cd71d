using MediatR;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.IAM.Contracts;

namespace Modular.Acquisition.Features.CreateMerchant;

internal sealed class CreateMerchantCommandHandler(AcquisitionDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CreateMerchantCommand, MerchantResponse>
{
    public async Task<MerchantResponse> Handle(CreateMerchantCommand command, CancellationToken cancellationToken)
    {
        // The merchant scopes what that organization's staff see and which account its payments land on: it must
        // belong to an organization that exists, acquires (kind Merchant) and is active.
        if (await mediator.Send(new GetOrganizationStanding(command.OrganizationId), cancellationToken) is not { Kind: "Merchant", Status: "Active" })
        {
            throw new DomainException(Error.Unprocessable(
                "acquisition.organization_invalid", $"Organization {command.OrganizationId} is not an active merchant organization."));
        }

        await db.EnsureUniqueAsync(self: null, command.OrganizationId, command.Name, command.BusinessRegistrationNumber, cancellationToken);
        var merchant = Merchant.Create(
            command.OrganizationId, command.Name, command.BusinessRegistrationNumber, command.FeeRate!.Value,
            command.ParsedVatRule(), command.ParsedSettlementCycle(), clock.GetUtcNow().UtcDateTime);
        db.Merchants.Add(merchant);
        db.PublishRecorded(merchant);
        return MerchantResponse.From(merchant);
    }
}
