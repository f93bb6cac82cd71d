using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Settlement.Features.ReconcileDay;

/// <summary>An operator's run for one day (UTC, by acquisition time); honours Idempotency-Key like every command.</summary>
internal sealed record ReconcileDayCommand(DateOnly Day) : ICommand<ReconciliationView>;
