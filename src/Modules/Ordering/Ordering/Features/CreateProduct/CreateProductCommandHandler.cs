using MediatR;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Domain;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.CreateProduct;

internal sealed class CreateProductCommandHandler(OrderingDbContext db, ICurrentUser user, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CreateProductCommand, ProductResponse>
{
    public async Task<ProductResponse> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var organizationId = user.IsInRole(Roles.PlatformAdmin)
            ? command.OrganizationId ?? throw new DomainException(Error.Unprocessable(
                "ordering.organization_required", "A platform admin names the organization that owns the product."))
            : user.OrganizationId ?? throw new DomainException(Error.Forbidden("ordering.no_organization", "The caller belongs to no organization."));
        // A product's payments are authorized on its merchant's acquiring account: that merchant must exist, be active and
        // belong to the product's organization. One answer for all three, so another tenant's merchant does not leak.
        if (await mediator.Send(new GetMerchantStanding(command.MerchantId), cancellationToken) is not { Status: "Active" } merchant
            || merchant.OrganizationId != organizationId)
        {
            throw new DomainException(Error.Unprocessable(
                "ordering.merchant_invalid", $"Merchant {command.MerchantId} is not an active merchant of organization {organizationId}."));
        }

        var product = Product.Create(organizationId, command.MerchantId, command.Name, command.Price, command.Stock, clock.GetUtcNow().UtcDateTime);
        db.Products.Add(product);
        return ProductResponse.From(product);
    }
}
