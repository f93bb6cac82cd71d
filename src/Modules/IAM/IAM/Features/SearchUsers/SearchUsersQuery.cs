using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchUsers;

internal sealed record SearchUsersQuery(Guid? OrganizationId, string? Status, string? Role, string? EmailPrefix, Guid? Before, int Limit)
    : IQuery<KeysetPage<UserSummary>>;

internal sealed record UserSummary(Guid Id, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status, DateTime CreatedAt);
