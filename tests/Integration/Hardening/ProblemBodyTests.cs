using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>Every error is an application/problem+json body with a code, whatever the client accepts.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProblemBodyTests(TestPlatform platform)
{
    private readonly AcquisitionApi _acquisition = new(platform.Host);

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    public async Task Errors_are_problem_json_with_a_code_even_when_the_client_accepts_only_other_types(string accept)
    {
        var registrationNumber = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        using var admin = _acquisition.PlatformAdmin();
        (await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(await _acquisition.OrganizationAsync(), registrationNumber: registrationNumber)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var anonymous = platform.Host.CreateClient();
        anonymous.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var customer = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.Customer);
        customer.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        await ShouldBeProblemAsync(
            await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(await _acquisition.OrganizationAsync(), registrationNumber: registrationNumber)),
            HttpStatusCode.Conflict, "acquisition.registration_number_taken");
        await ShouldBeProblemAsync(
            await customer.PostAsJsonAsync("/api/ordering/orders", new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1 } }, cardToken = "tok_visa_approve" }),
            HttpStatusCode.UnprocessableEntity, "ordering.unknown_products");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/acquisition/merchants", new { }), HttpStatusCode.BadRequest, "validation.failed");
        await ShouldBeProblemAsync(await anonymous.GetAsync("/api/acquisition/merchants"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await ShouldBeProblemAsync(await customer.GetAsync("/api/acquisition/merchants"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ShouldBeProblemAsync(await anonymous.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound, "http.not_found");
    }

    [Fact]
    public async Task A_10000_character_query_string_gets_a_414_problem_from_the_real_server()
    {
        await using var process = await HostProcess.StartAsync(platform.Settings);
        using var client = process.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync("/api/acquisition/merchants?before=" + new string('x', 10_000));

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestUriTooLong, "http.uri_too_long");
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{(int)status}: '{body}'");
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe(code, body);
    }
}
