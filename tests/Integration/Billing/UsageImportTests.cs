using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Billing;

[Collection(IntegrationCollection.Name)]
public sealed class UsageImportTests(TestPlatform platform)
{
    [Fact]
    public async Task A_file_with_bad_cells_lists_every_one_with_row_column_and_code_and_stores_nothing()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var billing = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var customer = (await BillingApi.CustomersAsync(admin, 1, "usage-import.example")).Single();
        var merchant = await CreateMerchantOrganizationAsync(admin);
        var product = $"api-{Guid.NewGuid():N}"[..16];
        await BillingApi.PriceAsync(billing, product, 1.5m, 0);
        var key = $"key-{Guid.NewGuid():N}";
        var csv = $"""
            organizationId,apiKey,batchDate,product,quantity,unit
            {customer.Id},{key},2030-01-05,{product},100,call
            not-a-uuid,{key}-b,2030-13-01,{product},-3,call
            {merchant},{key}-c,2030-01-05,unknown-product,5,
            {customer.Id},{key},2030-01-05,{product},7,call
            """;

        var response = await BillingApi.ImportCsvAsync(billing, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("billing.import_invalid");
        var cells = problem.GetProperty("cells").EnumerateArray()
            .Select(cell => $"{cell.GetProperty("row").GetInt32()}:{cell.GetProperty("column").GetString()}:{cell.GetProperty("code").GetString()}").ToList();
        cells.ShouldBe(
        [
            "3:organizationId:format", "3:batchDate:format", "3:quantity:format",
            "4:organizationId:organization_invalid", "4:product:unknown_value", "4:unit:required",
            "5:product:duplicate_in_file",
        ], ignoreOrder: true);
        var stored = await new TestDatabase(TestPlatform.ServicesOf(platform.Settings)).ScalarAsync<long>(
            "SELECT count(*) FROM billing.usage_records WHERE api_key LIKE $1", key + "%");
        stored.ShouldBe(0L);
    }

    [Fact]
    public async Task Json_lines_import_and_a_key_stays_with_its_organization()
    {
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var billing = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var customers = await BillingApi.CustomersAsync(admin, 2, "usage-import.example");
        var product = $"api-{Guid.NewGuid():N}"[..16];
        await BillingApi.PriceAsync(billing, product, 2m, 0);
        var key = $"key-{Guid.NewGuid():N}";
        var lines = $$"""
            {"organizationId":"{{customers[0].Id}}","apiKey":"{{key}}","batchDate":"2030-02-01","product":"{{product}}","quantity":10,"unit":"call"}
            {"organizationId":"{{customers[0].Id}}","apiKey":"{{key}}","batchDate":"2030-02-02","product":"{{product}}","quantity":25,"unit":"call"}
            """;

        var imported = await billing.PostAsync("/api/billing/usage/imports", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        var stolen = await BillingApi.ImportCsvAsync(billing,
            $"organizationId,apiKey,batchDate,product,quantity,unit\n{customers[1].Id},{key},2030-02-03,{product},1,call\n");

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(2);
        stolen.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await stolen.Content.ReadAsStringAsync()).ShouldContain("\"taken\"");
    }

    private static async Task<Guid> CreateMerchantOrganizationAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/iam/organizations",
            new { kind = "Merchant", name = $"Merchant {Guid.NewGuid():N}", registrationNumber = $"M-{Guid.NewGuid():N}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
