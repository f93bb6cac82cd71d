using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Iam;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Foundation;

/// <summary>
/// ./test.sh while ./run.sh serves: the hosts under test reach the run's own containers and SMTP sink, never the
/// platform's PostgreSQL, RabbitMQ or maildev (services.env and the environment, as run.sh's Host reads them), so the
/// platform's data, queues and mail stay as they were.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PlatformIsolationTests(TestPlatform platform)
{
    [Fact]
    public async Task A_host_under_test_writes_queues_and_mails_only_to_the_test_services()
    {
        var platformServices = ServiceSettings.FromEnvironment();
        var testServices = platform.Services;
        var api = new IamApi(platform.Iam.Factory);
        var domain = $"{Guid.NewGuid():N}.isolation.example";

        await using (var connections = OwnConnections.Watch())
        {
            // Database, broker and SMTP in one flow: the invitation is stored, its job goes through the broker, its e-mail out.
            var organization = await api.CreateOrganizationAsync();
            using var admin = await api.AdminAsync();
            var invited = await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/invitations", new { emails = new[] { $"someone@{domain}" } });
            invited.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Eventually.HoldsAsync(async () => (await platform.Mail.ToDomainAsync(domain)).Count == 1, TimeSpan.FromSeconds(30),
                "the invitation reached the tests' SMTP sink");

            connections.RemotePorts.Keys.ShouldContain(testServices.Postgres.Port, "the watch sees the host's database connections");
            connections.RemotePorts.Keys.ShouldContain(testServices.RabbitMq.Port, "the watch sees the host's broker connection");
            connections.RemotePorts.Keys.ShouldNotContain(platformServices.Postgres.Port, "no connection to the platform's PostgreSQL");
            connections.RemotePorts.Keys.ShouldNotContain(platformServices.RabbitMq.Port, "no connection to the platform's RabbitMQ");
            connections.RemotePorts.Keys.ShouldNotContain(platformServices.Smtp.Port, "no connection to the platform's SMTP server");
        }

        var used = platform.Iam.Factory.Services.GetRequiredService<ServiceSettings>();
        Endpoints(used).ShouldBe(Endpoints(testServices));
        Endpoints(used).Intersect(Endpoints(platformServices)).ShouldBeEmpty("the host's settings name none of the platform's services");
    }

    private static string[] Endpoints(ServiceSettings settings) =>
    [
        $"{settings.Postgres.Host}:{settings.Postgres.Port}/{settings.Postgres.Database}",
        $"{settings.RabbitMq.Host}:{settings.RabbitMq.Port}{settings.RabbitMq.VirtualHost}",
        $"{settings.Smtp.Host}:{settings.Smtp.Port}",
    ];
}
