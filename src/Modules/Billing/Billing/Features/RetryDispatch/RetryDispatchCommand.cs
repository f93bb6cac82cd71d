using Modular.Billing.Features.GetDispatch;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.RetryDispatch;

/// <summary>
/// Puts the dispatch's failed invoices back in line. Those whose outcome is unknown (the host stopped mid-send) may
/// already be in the customer's mailbox, so they are retried only with <see cref="IncludeUnknown"/>.
/// </summary>
internal sealed record RetryDispatchCommand(Guid DispatchId, bool IncludeUnknown) : ICommand<DispatchProgress>;
