using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class ServiceSettingsTests
{
    [Fact]
    public void Defaults_come_from_services_env() =>
        ServiceSettings.FromEnvironment()["MODULAR_PG_DATABASE"].ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void An_environment_variable_overrides_the_file()
    {
        const string key = "MODULAR_MAILDEV_WEB_PORT";
        var original = Environment.GetEnvironmentVariable(key);
        Environment.SetEnvironmentVariable(key, "6543");
        try
        {
            ServiceSettings.FromEnvironment()[key].ShouldBe("6543");
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, original);
        }
    }

    [Fact]
    public void The_connection_string_carries_an_explicit_pool_size() =>
        ServiceSettings.FromEnvironment().Postgres.ConnectionString(17, "unit").ShouldContain("Maximum Pool Size=17");

    [Fact]
    public void An_unknown_setting_is_a_clear_error() =>
        Should.Throw<KeyNotFoundException>(() => ServiceSettings.FromEnvironment()["MODULAR_NOT_A_SETTING"]).Message.ShouldContain("services.env");

    [Fact]
    public void A_lookup_overrides_the_keys_it_answers_and_keeps_the_others()
    {
        var defaults = ServiceSettings.FromEnvironment();

        var overridden = defaults.OverriddenBy(key => key == "MODULAR_PG_PORT" ? "61234" : null);

        overridden.Postgres.Port.ShouldBe(61234);
        overridden.Postgres.Host.ShouldBe(defaults.Postgres.Host);
        defaults.Postgres.Port.ShouldNotBe(61234, "the original settings stay as they were");
    }
}
