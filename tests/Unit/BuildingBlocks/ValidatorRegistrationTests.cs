using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class ValidatorRegistrationTests
{
    private readonly IServiceCollection _services = new ServiceCollection().AddHandlersAndValidators(typeof(ValidatorRegistrationTests).Assembly);

    [Fact]
    public void A_validator_without_dependencies_is_built_once() =>
        LifetimeOf<IValidator<Greeting>>().ShouldBe(ServiceLifetime.Singleton);

    [Fact]
    public void A_validator_with_dependencies_is_built_per_scope_so_it_never_captures_a_scoped_service() =>
        LifetimeOf<IValidator<Farewell>>().ShouldBe(ServiceLifetime.Scoped);

    private ServiceLifetime LifetimeOf<TService>() => _services.Single(service => service.ServiceType == typeof(TService)).Lifetime;

    public sealed record Greeting(string Name);

    public sealed record Farewell(string Name);

    public sealed class GreetingValidator : AbstractValidator<Greeting>
    {
        public GreetingValidator() => RuleFor(greeting => greeting.Name).NotEmpty();
    }

    public sealed class FarewellValidator : AbstractValidator<Farewell>
    {
        public FarewellValidator(TimeProvider clock) => RuleFor(farewell => farewell.Name).NotEmpty().When(_ => clock.GetUtcNow().Year > 2000);
    }
}
