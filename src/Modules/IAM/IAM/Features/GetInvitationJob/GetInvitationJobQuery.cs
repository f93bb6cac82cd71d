using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.GetInvitationJob;

internal sealed record GetInvitationJobQuery(Guid JobId) : IQuery<InvitationJobView>;

/// <summary>Progress as counts per row result (see InvitationRowResult), and every row's result.</summary>
internal sealed record InvitationJobView(
    Guid Id, Guid OrganizationId, string Status, int Total, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<InvitationRowView> Rows);

internal sealed record InvitationRowView(int Row, string Email, string Result, Guid? UserId, string? Error);
