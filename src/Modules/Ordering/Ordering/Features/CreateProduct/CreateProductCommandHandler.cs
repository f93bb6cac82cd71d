using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Domain;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.CreateProduct;

internal sealed class CreateProductCommandHandler(OrderingDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateProductCommand, ProductResponse>
{
    public Task<ProductResponse> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var organizationId = user.IsInRole(Roles.PlatformAdmin)
            ? command.OrganizationId ?? throw new DomainException(Error.Unprocessable(
                "ordering.organization_required", "A platform admin names the organization that owns the product."))
            : user.OrganizationId ?? throw new DomainException(Error.Forbidden("ordering.no_organization", "The caller belongs to no organization."));
        var product = Product.Create(organizationId, command.MerchantId, command.Name, command.Price, command.Stock, clock.GetUtcNow().UtcDateTime);
        db.Products.Add(product);
        return Task.FromResult(ProductResponse.From(product));
    }
}
