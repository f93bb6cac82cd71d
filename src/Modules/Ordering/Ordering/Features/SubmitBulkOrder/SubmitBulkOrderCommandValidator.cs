using FluentValidation;

namespace Modular.Ordering.Features.SubmitBulkOrder;

internal sealed class SubmitBulkOrderCommandValidator : AbstractValidator<SubmitBulkOrderCommand>
{
    public const int MaxLines = 1_000;

    public SubmitBulkOrderCommandValidator()
    {
        RuleFor(command => command.Lines).NotNull().Must(lines => lines.Count is >= 1 and <= MaxLines)
            .WithMessage($"A bulk order has 1 to {MaxLines} lines.");
        RuleFor(command => command.Lines).Must(lines => lines.Select(line => line.ProductId).Distinct().Count() == lines.Count)
            .When(command => command.Lines is not null)
            .WithMessage("A product appears on one line only.");
        RuleForEach(command => command.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 1_000_000);
        });
        RuleFor(command => command.Mode).IsInEnum();
        RuleFor(command => command.CardToken).NotEmpty().MaximumLength(200);
    }
}
