using Modular.Tests.Integration.Support;
using Testcontainers.RabbitMq;

namespace Modular.Tests.Integration.Foundation;

/// <summary>A container that never becomes ready fails the run in bounded time, with its own log as the explanation.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class TestContainerStartTests
{
    [Fact]
    public async Task A_container_that_never_becomes_ready_fails_within_its_timeout_with_its_log()
    {
        // A "broker" that logs one line and then idles: it runs, but never logs "Server startup complete".
        await using var wrong = TestContainers.OfThisCheckout(new RabbitMqBuilder(TestImages.RabbitMq))
            .WithEntrypoint("sh", "-c", "echo 'this broker never starts'; trap 'exit 0' TERM; while true; do sleep 1; done")
            .Build();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => TestContainers.StartAsync(wrong, "RabbitMQ", TimeSpan.FromSeconds(10)));

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(40));
        failure.Message.ShouldContain("did not start within 10 s");
        failure.Message.ShouldContain("this broker never starts", Case.Sensitive, "the message carries the container's log");
    }
}
