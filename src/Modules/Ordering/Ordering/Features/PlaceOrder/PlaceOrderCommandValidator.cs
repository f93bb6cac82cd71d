using FluentValidation;

namespace Modular.Ordering.Features.PlaceOrder;

internal sealed class PlaceOrderCommandValidator : AbstractValidator<PlaceOrderCommand>
{
    public const int MaxLines = 50;

    public PlaceOrderCommandValidator()
    {
        RuleFor(command => command.Lines).NotNull().Must(lines => lines.Count is >= 1 and <= MaxLines)
            .WithMessage($"An order has 1 to {MaxLines} lines.");
        RuleFor(command => command.Lines).Must(lines => lines.Select(line => line.ProductId).Distinct().Count() == lines.Count)
            .When(command => command.Lines is not null)
            .WithMessage("A product appears on one line only.");
        RuleForEach(command => command.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
        RuleFor(command => command.CardToken).NotEmpty().MaximumLength(200);
        RuleFor(command => command.IdempotencyKey).MaximumLength(200);
    }
}
