using FluentValidation;

namespace Modular.Ordering.Features.RestockProduct;

internal sealed class RestockProductCommandValidator : AbstractValidator<RestockProductCommand>
{
    public RestockProductCommandValidator() => RuleFor(command => command.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000_000);
}
