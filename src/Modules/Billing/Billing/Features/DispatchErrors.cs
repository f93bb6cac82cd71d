using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Features;

internal static class DispatchErrors
{
    public static DomainException NotFound(Guid id) => new(Error.NotFound("billing.dispatch_not_found", $"Dispatch {id} does not exist."));

    public static DomainException NotRunning(Guid id, string status) =>
        new(Error.Conflict("billing.dispatch_not_running", $"Dispatch {id} is {status}; only a running dispatch can be cancelled."));

    public static DomainException Cancelled(Guid id) =>
        new(Error.Conflict("billing.dispatch_cancelled", $"Dispatch {id} was cancelled; start a new dispatch instead."));
}
