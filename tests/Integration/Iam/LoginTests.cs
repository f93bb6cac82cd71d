using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed class LoginTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task A_user_logs_in_with_the_right_password_and_the_token_carries_its_organization_and_roles()
    {
        var organization = await _api.CreateOrganizationAsync();
        var (_, email) = await _api.CreateUserAsync(organization, "MerchantAdmin");

        var response = await _api.LoginAsync(email.ToUpperInvariant(), IamApi.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThan(DateTimeOffset.UtcNow.AddHours(1));
        using var merchant = await _api.ClientOfAsync(email);
        var own = await merchant.GetFromJsonAsync<JsonElement>($"/api/iam/organizations/{organization}");
        own.GetProperty("id").GetGuid().ShouldBe(organization);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var email = await _api.RegisterCustomerAsync();

        var wrongPassword = await _api.LoginAsync(email, "not-the-password");
        var unknownEmail = await _api.LoginAsync($"nobody.{Guid.NewGuid():N}@iam-tests.example", IamApi.Password);

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrong = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        wrong.GetProperty("code").GetString().ShouldBe("iam.invalid_credentials");
        unknown.GetProperty("code").GetString().ShouldBe("iam.invalid_credentials");
        wrong.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password_and_only_that_account()
    {
        var locked = await _api.RegisterCustomerAsync();
        var other = await _api.RegisterCustomerAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await _api.LoginAsync(locked, "wrong-password-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var duringLockout = await _api.LoginAsync(locked, IamApi.Password);
        duringLockout.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await IamApi.CodeOf(duringLockout)).ShouldBe("iam.invalid_credentials");
        (await _api.LoginAsync(other, IamApi.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var email = await _api.RegisterCustomerAsync();

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                (await _api.LoginAsync(email, "wrong-password-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }

            (await _api.LoginAsync(email, IamApi.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_customer_registers_itself_once_per_email_whatever_its_case()
    {
        var email = await _api.RegisterCustomerAsync();

        var again = await _api.Anonymous().PostAsJsonAsync("/api/iam/customers", new { email = email.ToUpperInvariant(), password = IamApi.Password, name = "Twin" });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await IamApi.CodeOf(again)).ShouldBe("iam.email_taken");
        using var customer = await _api.ClientOfAsync(email);
        (await customer.GetAsync("/api/iam/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_field_errors()
    {
        var response = await _api.Anonymous().PostAsJsonAsync("/api/iam/customers", new { email = $"s.{Guid.NewGuid():N}@iam-tests.example", password = "short", name = "S" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await IamApi.CodeOf(response)).ShouldBe("validation.failed");
    }
}
