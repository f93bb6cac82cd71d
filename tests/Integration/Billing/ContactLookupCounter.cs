using System.Collections.Concurrent;
using MediatR;
using Modular.IAM.Contracts;

namespace Modular.Tests.Integration.Billing;

/// <summary>Counts, on IAM's side of the seam, every batched contacts request another module sends, and its size.</summary>
public sealed class ContactLookupCounter : IPipelineBehavior<GetOrganizationContacts, IReadOnlyList<OrganizationContacts>>
{
    private readonly ConcurrentQueue<int> _sizes = new();

    public IReadOnlyList<int> Sizes => _sizes.ToList();

    public Task<IReadOnlyList<OrganizationContacts>> Handle(
        GetOrganizationContacts request, CancellationToken cancellationToken, RequestHandlerDelegate<IReadOnlyList<OrganizationContacts>> next)
    {
        _sizes.Enqueue(request.OrganizationIds.Count);
        return next();
    }
}
