namespace Modular.Tests.Integration.Support;

/// <summary>
/// The images and engine settings the test containers run with, as ./test.sh exports them (scripts/test-images env,
/// scripts/docker-engine env). Missing settings fail the run with the command that provides them, never a skip.
/// </summary>
public static class TestImages
{
    private const string Hint =
        "Run the tests through ./test.sh, or first: eval \"$(scripts/docker-engine env)\" \"$(scripts/test-images env)\" (after scripts/docker-engine up and scripts/test-images build).";

    public static string RabbitMq => Required("MODULAR_TEST_RABBITMQ_IMAGE");

    public static string Postgres => Required("MODULAR_TEST_POSTGRES_IMAGE");

    /// <summary>False for the locally built images: a missing one then fails in a second instead of trying a registry.</summary>
    public static bool MayPull => Required("MODULAR_TEST_IMAGES_PULL") == "true";

    /// <summary>Without these Testcontainers would ask for an API the daemon refuses, pull Ryuk, or leave loopback.</summary>
    public static void EnsureEngineSettings()
    {
        foreach (var key in new[] { "DOCKER_API_VERSION", "TESTCONTAINERS_RYUK_DISABLED", "TESTCONTAINERS_HOST_OVERRIDE" })
        {
            Required(key);
        }
    }

    private static string Required(string key) =>
        Environment.GetEnvironmentVariable(key) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The integration tests need {key}. {Hint}");
}
