namespace Modular.Funding.Features.PlacePledge;

internal sealed record PledgedResponse(Guid Id, Guid ProjectId, Guid? TierId, long Amount, string Status, DateTime PledgedAt);
