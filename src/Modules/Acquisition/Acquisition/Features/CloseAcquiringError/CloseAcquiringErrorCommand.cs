using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.CloseAcquiringError;

/// <summary>Status is Resolved or Abandoned; the note says why (kept with the error).</summary>
internal sealed record CloseAcquiringErrorCommand(Guid Id, string? Status, string? Note) : ICommand<AcquiringErrorDetail>;
