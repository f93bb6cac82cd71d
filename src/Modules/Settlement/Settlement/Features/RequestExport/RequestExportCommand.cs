using MediatR;

namespace Modular.Settlement.Features.RequestExport;

/// <summary>
/// Not an ICommand: the request is one conditional INSERT, and a repeat while its job is active must find that job
/// (not a stored answer), which the unique partial index export_jobs_one_active_per_request decides.
/// </summary>
internal sealed record RequestExportCommand(LedgerFilterInput Filter) : IRequest<ExportJobView>;
