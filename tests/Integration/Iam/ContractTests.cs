using System.Diagnostics;
using System.Net.Http.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Modular.IAM.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed class ContractTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task Contacts_of_1000_organizations_come_back_from_one_database_command()
    {
        var billed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            billed.Add(await _api.CreateOrganizationAsync("BillingCustomer"));
        }

        using (var admin = await _api.AdminAsync())
        {
            foreach (var organization in billed)
            {
                foreach (var name in new[] { "Old primary", "AP" })
                {
                    var added = await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/contacts", new { name, email = $"{name.Length}@{organization:N}.example", isPrimary = true });
                    added.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
                }
            }
        }

        var ids = billed.Concat(Enumerable.Range(0, 995).Select(_ => Guid.CreateVersion7())).ToList();

        var (result, commands) = await CountingCommandsAsync(mediator => mediator.Send(new GetOrganizationContacts(ids)));

        commands.ShouldBe(1);
        result.Select(organization => organization.OrganizationId).Order().ShouldBe(billed.Order());
        result.ShouldAllBe(organization => organization.Kind == "BillingCustomer" && organization.Contacts.Count == 2);
        result.ShouldAllBe(organization => organization.Contacts.Single(contact => contact.IsPrimary).Name == "AP");
    }

    [Fact]
    public async Task A_users_organization_and_roles_are_resolved()
    {
        var merchant = await _api.CreateOrganizationAsync();
        var (userId, email) = await _api.CreateUserAsync(merchant, "MerchantUser");
        await using var scope = platform.Iam.Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var access = await mediator.Send(new GetUserAccess(userId));
        var unknown = await mediator.Send(new GetUserAccess(Guid.CreateVersion7()));

        access.ShouldNotBeNull();
        access.OrganizationId.ShouldBe(merchant);
        access.Email.ShouldBe(email);
        access.Roles.ShouldBe(["MerchantUser"]);
        access.Status.ShouldBe("Active");
        unknown.ShouldBeNull();
    }

    /// <summary>Counts the database commands Npgsql runs on this call's own trace (the host's background work has other traces).</summary>
    private async Task<(T Result, int Commands)> CountingCommandsAsync<T>(Func<IMediator, Task<T>> call)
    {
        using var source = new ActivitySource("Modular.Tests.Iam.Commands");
        var commands = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate.Name == source.Name || candidate.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (commands)
                {
                    commands.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var scope = platform.Iam.Factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        T result;
        ActivityTraceId trace;
        using (var parent = source.StartActivity("lookup")!)
        {
            trace = parent.TraceId;
            result = await call(mediator);
        }

        lock (commands)
        {
            return (result, commands.Count(activity => activity.TraceId == trace && activity.Source.Name != source.Name && IsCommand(activity)));
        }
    }

    private static bool IsCommand(Activity activity) =>
        activity.GetTagItem("db.query.text") is not null || activity.GetTagItem("db.statement") is not null;
}
