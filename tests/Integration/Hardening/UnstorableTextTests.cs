using System.Net;
using System.Text;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// Text PostgreSQL refuses is answered 400 at the edge, naming the field, wherever it comes in: U+0000 as
/// <c>validation.failed</c>; an unpaired surrogate is not even valid JSON text, so the reader refuses it as
/// <c>request.malformed</c>, naming the field as well.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class UnstorableTextTests(TestPlatform platform)
{
    private const string Nul = "\\u0000";
    private const string LoneSurrogate = "\\ud800";

    private readonly OrderingApi _ordering = new(platform.Host);

    public static TheoryData<string, string, string, string> Bodies() => new()
    {
        { "anonymous", "/api/iam/customers", $$"""{"email":"a{{Nul}}@nul.example","password":"long-enough-password","name":"A"}""", "email" },
        { "anonymous", "/api/iam/customers", $$"""{"email":"b@nul.example","password":"long-enough-password","name":"B{{LoneSurrogate}}"}""", "name" },
        { "anonymous", "/api/iam/token", $$"""{"email":"c@nul.example","password":"x{{Nul}}"}""", "password" },
        { "anonymous", "/api/iam/invitations/accept", $$"""{"token":"t{{Nul}}","password":"long-enough-password"}""", "token" },
        { Roles.PlatformAdmin, "/api/iam/organizations", $$"""{"kind":"Merchant","name":"N{{Nul}}","registrationNumber":"R-1"}""", "name" },
        { Roles.PlatformAdmin, "/api/acquisition/merchants", $$"""{"organizationId":"{{Guid.NewGuid()}}","name":"M{{Nul}}","feeRate":0.02,"vatRule":"Exempt","settlementCycle":"D1"}""", "name" },
        { Roles.MerchantAdmin, "/api/ordering/products", $$"""{"merchantId":"{{Guid.NewGuid()}}","name":"P{{Nul}}","price":100,"stock":1}""", "name" },
        { Roles.Customer, "/api/ordering/orders", $$"""{"lines":[{"productId":"{{Guid.NewGuid()}}","quantity":1}],"cardToken":"tok{{Nul}}"}""", "cardToken" },
        { Roles.Customer, "/api/ordering/bulk-orders", $$"""{"lines":[{"productId":"{{Guid.NewGuid()}}","quantity":1}],"mode":"BestEffort","cardToken":"tok{{LoneSurrogate}}"}""", "cardToken" },
    };

    public static TheoryData<string, string, string> Queries() => new()
    {
        { Roles.PlatformAdmin, "/api/iam/users?email=a%00b", "email" },
        { Roles.PlatformAdmin, "/api/iam/organizations?kind=Merchant%00", "kind" },
        { Roles.FinanceOperator, "/api/acquisition/transactions?status=Approved%00", "status" },
        { Roles.FinanceOperator, "/api/ordering/orders?status=Paid%00", "status" },
        { Roles.Customer, "/api/ordering/orders/mine?status=%00", "status" },
        { Roles.FinanceOperator, "/api/ordering/orders?unbound=%00", "unbound" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_field_with_unstorable_text_is_refused_with_400_naming_it(string role, string path, string json, string field)
    {
        using var client = ClientAs(role);

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await ShouldBeRefusedAsync(response, field, json.Contains(LoneSurrogate) ? "request.malformed" : "validation.failed");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_value_with_NUL_is_refused_with_400_naming_it(string role, string path, string field)
    {
        using var client = ClientAs(role);

        var response = await client.GetAsync(path);

        await ShouldBeRefusedAsync(response, field);
    }

    [Fact]
    public async Task Innocent_requests_keep_working_after_a_burst_of_refused_ones()
    {
        var product = await _ordering.CreateProductAsync(stock: 1_000);
        using var customer = _ordering.Customer();
        var poisoned = Enumerable.Range(0, 50).Select(_ => customer.PostAsync("/api/ordering/orders", new StringContent(
            $$"""{"lines":[{"productId":"{{product}}","quantity":1}],"cardToken":"tok{{Nul}}"}""", Encoding.UTF8, "application/json")));
        var innocent = Enumerable.Range(0, 50).Select(_ => OrderingApi.PlaceAsync(customer, null, (product, 1)));

        var answers = await Task.WhenAll(poisoned.Concat(innocent));

        answers.Take(50).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.BadRequest);
        answers.Skip(50).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Created);
        (await _ordering.StockAsync(product)).ShouldBe(950);
    }

    private HttpClient ClientAs(string role) => role == "anonymous"
        ? platform.Host.CreateClient()
        : platform.Host.CreateClientAs(Guid.CreateVersion7(), role is Roles.MerchantAdmin ? OrderingApi.Organization : null, role);

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string field, string code = "validation.failed")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
    }
}
