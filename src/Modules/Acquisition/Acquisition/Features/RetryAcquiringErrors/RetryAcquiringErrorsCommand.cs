using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.RetryAcquiringErrors;

/// <summary>Retries the errors on the loop's next run; Retried counts those found and not resolved.</summary>
internal sealed record RetryAcquiringErrorsCommand(IReadOnlyList<Guid> Ids) : ICommand<RetryAcquiringErrorsResponse>;

internal sealed record RetryAcquiringErrorsResponse(int Retried);
