using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed partial class InvitationTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task A_bulk_invitation_of_500_reports_each_row_and_emails_exactly_the_480_new_addresses()
    {
        var domain = $"{Guid.NewGuid():N}.invite.example";
        var merchant = await _api.CreateOrganizationAsync();
        var (_, adminEmail) = await _api.CreateUserAsync(merchant, "MerchantAdmin");
        var registered = new[] { await _api.RegisterCustomerAsync($"taken1@{domain}"), await _api.RegisterCustomerAsync($"taken2@{domain}") };
        var fresh = Enumerable.Range(1, 480).Select(i => $"invitee{i}@{domain}").ToList();
        var emails = new List<string>(fresh);
        emails.InsertRange(100, fresh.Take(10).Select(email => email.ToUpperInvariant()));          // duplicates, rows 101-110
        emails.InsertRange(200, Enumerable.Range(1, 8).Select(i => i % 2 == 0 ? $"no-at-sign-{i}" : $"two@@{domain}")); // invalid, rows 201-208
        emails.AddRange(registered);                                                                   // rows 499-500
        emails.Count.ShouldBe(500);
        using var admin = await _api.ClientOfAsync(adminEmail);

        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{merchant}/invitations", new { emails, roles = new[] { "MerchantUser" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location.ShouldNotBeNull();
        var job = await CompletedAsync(admin, response.Headers.Location!.ToString());
        job.GetProperty("total").GetInt32().ShouldBe(500);
        var counts = job.GetProperty("counts");
        counts.GetProperty("Sent").GetInt32().ShouldBe(480);
        counts.GetProperty("Duplicate").GetInt32().ShouldBe(10);
        counts.GetProperty("Invalid").GetInt32().ShouldBe(8);
        counts.GetProperty("AlreadyRegistered").GetInt32().ShouldBe(2);
        var rows = job.GetProperty("rows").EnumerateArray().ToDictionary(row => row.GetProperty("row").GetInt32(), row => row.GetProperty("result").GetString());
        Enumerable.Range(101, 10).ShouldAllBe(row => rows[row] == "Duplicate");
        Enumerable.Range(201, 8).ShouldAllBe(row => rows[row] == "Invalid");
        rows[499].ShouldBe("AlreadyRegistered");
        rows[500].ShouldBe("AlreadyRegistered");

        await Eventually.HoldsAsync(async () => (await platform.Mail.ToDomainAsync(domain)).Count >= 480, TimeSpan.FromSeconds(60), "480 e-mails reached maildev");
        // A redelivered chunk would send its e-mails again: count once every message of IAM was consumed.
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "iam");
        var received = await platform.Mail.ToDomainAsync(domain);
        received.Count.ShouldBe(480);
        received.Select(email => email.To.ToLowerInvariant()).Distinct().Order().ShouldBe(fresh.Order());
    }

    [Fact]
    public async Task An_acceptance_token_works_once_and_the_invitee_then_logs_in()
    {
        var (email, token, admin) = await InviteOneAsync();

        var accepted = await AcceptAsync(_api.Anonymous(), token, "invitee-chosen-password");
        var again = await AcceptAsync(_api.Anonymous(), token, "another-password-123");

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Active");
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await IamApi.CodeOf(again)).ShouldBe("iam.invitation_invalid");
        (await _api.LoginAsync(email, "invitee-chosen-password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await IamApi.EventuallyAsync(admin, $"/api/iam/users?email={Uri.EscapeDataString(email)}",
            page => page.GetProperty("items").EnumerateArray().Any(user => user.GetProperty("status").GetString() == "Active"), "the read side shows the invitee active");
    }

    [Fact]
    public async Task An_acceptance_token_is_refused_after_its_lifetime()
    {
        var (email, token, _) = await InviteOneAsync();

        // The host's clock passes the invitation's lifetime (Iam:InvitationLifetime, 7 days).
        using (platform.Iam.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)))
        {
            var expired = await AcceptAsync(_api.Anonymous(), token, "too-late-password");

            expired.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await IamApi.CodeOf(expired)).ShouldBe("iam.invitation_invalid");
            (await _api.LoginAsync(email, "too-late-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await AcceptAsync(_api.Anonymous(), token, "in-time-password")).StatusCode.ShouldBe(HttpStatusCode.OK, "the same token still works inside its lifetime");
    }

    [Fact]
    public async Task More_than_1000_addresses_are_refused_at_once()
    {
        var merchant = await _api.CreateOrganizationAsync();
        using var admin = await _api.AdminAsync();

        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{merchant}/invitations",
            new { emails = Enumerable.Range(0, 1001).Select(i => $"a{i}@too-many.example") });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<(string Email, string Token, HttpClient Admin)> InviteOneAsync()
    {
        var domain = $"{Guid.NewGuid():N}.invite.example";
        var email = $"single@{domain}";
        var merchant = await _api.CreateOrganizationAsync();
        var admin = await _api.AdminAsync();
        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{merchant}/invitations", new { emails = new[] { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await CompletedAsync(admin, response.Headers.Location!.ToString());
        IReadOnlyList<ReceivedEmail> received = [];
        await Eventually.HoldsAsync(async () => (received = await platform.Mail.ToDomainAsync(domain)).Count == 1, TimeSpan.FromSeconds(30), "the invitation e-mail arrived");
        var token = TokenInLink().Match(received[0].Text);
        token.Success.ShouldBeTrue(received[0].Text);
        return (email, token.Groups[1].Value, admin);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string password) =>
        client.PostAsJsonAsync("/api/iam/invitations/accept", new { token, password, name = "Invitee" });

    private static async Task<JsonElement> CompletedAsync(HttpClient admin, string location)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await admin.GetFromJsonAsync<JsonElement>(location);
            return job.GetProperty("status").GetString() == "Completed";
        }, TimeSpan.FromSeconds(60), "the invitation job completed");
        return job;
    }

    [GeneratedRegex(@"[?&]token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenInLink();
}
