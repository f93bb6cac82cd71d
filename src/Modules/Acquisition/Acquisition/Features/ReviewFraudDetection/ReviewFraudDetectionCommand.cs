using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.ReviewFraudDetection;

internal sealed record ReviewFraudDetectionCommand(Guid DetectionId, string? Note) : ICommand<FraudDetectionResponse>;
