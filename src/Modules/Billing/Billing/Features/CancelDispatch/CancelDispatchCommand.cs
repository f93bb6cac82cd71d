using Modular.Billing.Features.GetDispatch;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.CancelDispatch;

/// <summary>Stops a running dispatch: pending invoices are not mailed; what was sent stays sent, a send in flight completes.</summary>
internal sealed record CancelDispatchCommand(Guid DispatchId) : ICommand<DispatchProgress>;
