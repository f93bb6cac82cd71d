using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Foundation;

/// <summary>Any module's command honours an Idempotency-Key: a retried POST gets the first answer and has one effect.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CommandIdempotencyTests(TestPlatform platform)
{
    private readonly TestDatabase _database = new(platform.Services);

    [Fact]
    public async Task A_retried_merchant_registration_gets_the_first_answer_and_registers_one_merchant()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var settings = AcquisitionApi.Settings(await new AcquisitionApi(platform.Host).OrganizationAsync());
        var key = $"merchant-{Guid.NewGuid():N}";

        var first = await PostAsync(admin, "/api/acquisition/merchants", settings, key);
        var retry = await PostAsync(admin, "/api/acquisition/merchants", settings, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(id);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM acquisition.merchants WHERE name = $1",
            (string)settings.GetType().GetProperty("name")!.GetValue(settings)!)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_another_caller_may_use_it()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var otherAdmin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var key = $"merchant-{Guid.NewGuid():N}";
        (await PostAsync(admin, "/api/acquisition/merchants", AcquisitionApi.Settings(await new AcquisitionApi(platform.Host).OrganizationAsync()), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reused = await PostAsync(admin, "/api/acquisition/merchants", AcquisitionApi.Settings(await new AcquisitionApi(platform.Host).OrganizationAsync()), key);
        var otherCaller = await PostAsync(otherAdmin, "/api/acquisition/merchants", AcquisitionApi.Settings(await new AcquisitionApi(platform.Host).OrganizationAsync()), key);

        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("request.idempotency_key_reused");
        otherCaller.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_contact_add_one_contact_and_all_get_its_answer()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var created = await admin.PostAsJsonAsync("/api/iam/organizations",
            new { kind = "BillingCustomer", name = "Retried contacts", registrationNumber = $"R-{Guid.NewGuid():N}" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var organization = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var contact = new { name = "Billing desk", email = $"desk@{organization:N}.example", isPrimary = true };
        var key = $"contact-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(admin, $"/api/iam/organizations/{organization}/contacts", contact, key)));

        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Created);
        (await Task.WhenAll(answers.Select(answer => answer.Content.ReadAsStringAsync()))).Distinct().Count().ShouldBe(1);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM iam.contacts WHERE organization_id = $1", organization)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_command_stores_no_key_so_the_corrected_retry_with_that_key_runs()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        var registration = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        (await PostAsync(admin, "/api/acquisition/merchants", AcquisitionApi.Settings(await new AcquisitionApi(platform.Host).OrganizationAsync(), registrationNumber: registration), $"first-{Guid.NewGuid():N}"))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = $"merchant-{Guid.NewGuid():N}";
        var organization = await new AcquisitionApi(platform.Host).OrganizationAsync();

        var duplicate = await PostAsync(admin, "/api/acquisition/merchants", AcquisitionApi.Settings(organization, registrationNumber: registration), key);
        var corrected = await PostAsync(admin, "/api/acquisition/merchants", AcquisitionApi.Settings(organization), key);

        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
