using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.GetAcquiringError;

internal sealed record GetAcquiringErrorQuery(Guid Id) : IQuery<AcquiringErrorDetail>;
