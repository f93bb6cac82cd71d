using FluentValidation;

namespace Modular.Settlement.Features.RequestExport;

internal sealed class RequestExportCommandValidator : AbstractValidator<RequestExportCommand>
{
    public RequestExportCommandValidator() => RuleFor(command => command.Filter).SetValidator(new LedgerFilterInputValidator());
}
