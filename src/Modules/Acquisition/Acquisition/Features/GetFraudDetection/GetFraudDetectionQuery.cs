using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.GetFraudDetection;

internal sealed record GetFraudDetectionQuery(Guid DetectionId) : IQuery<FraudDetectionResponse>;
