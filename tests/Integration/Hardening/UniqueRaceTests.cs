using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>Concurrent requests that race for one unique value: one wins, every other gets the module's 409, none a 500.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class UniqueRaceTests(TestPlatform platform)
{
    private readonly AcquisitionApi _acquisition = new(platform.Host);

    [Fact]
    public async Task Ten_concurrent_identical_merchant_registrations_give_one_201_and_nine_409()
    {
        var settings = AcquisitionApi.Settings(await _acquisition.OrganizationAsync(), registrationNumber: RegistrationNumber());
        using var admin = _acquisition.PlatformAdmin();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => admin.PostAsJsonAsync("/api/acquisition/merchants", settings)));

        // Identical registrations collide on both the registration number and the name: either conflict is the truth.
        await ShouldBeOneWinnerAsync(answers, "acquisition.registration_number_taken", "acquisition.merchant_name_taken");
    }

    [Fact]
    public async Task Ten_concurrent_sign_ups_with_one_email_give_one_201_and_nine_409()
    {
        var body = new { email = $"race.{Guid.NewGuid():N}@unique.example", password = "long-enough-password", name = "Racer" };
        using var anonymous = platform.Host.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => anonymous.PostAsJsonAsync("/api/iam/customers", body)));

        await ShouldBeOneWinnerAsync(answers, "iam.email_taken");
    }

    private static async Task ShouldBeOneWinnerAsync(HttpResponseMessage[] answers, params string[] codes)
    {
        var statuses = string.Join(", ", answers.Select(answer => (int)answer.StatusCode));
        answers.Count(answer => answer.StatusCode == HttpStatusCode.Created).ShouldBe(1, statuses);
        foreach (var refused in answers.Where(answer => answer.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, statuses);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBeOneOf(codes);
        }
    }

    private static string RegistrationNumber() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
}
