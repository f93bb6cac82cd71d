using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;
using static Modular.Tests.Integration.Acquisition.MerchantUploads;

namespace Modular.Tests.Integration.Acquisition;

[Collection(IntegrationCollection.Name)]
public sealed class MerchantImportTests(TestPlatform platform)
{
    private const string Imports = "/api/acquisition/merchants/imports";
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task A_csv_with_korean_headers_percent_fees_and_a_trailing_empty_row_registers_every_merchant()
    {
        var organization = await _api.OrganizationAsync();
        var (first, second) = (RegistrationNumber(), RegistrationNumber());
        using var admin = _api.PlatformAdmin();

        var response = await admin.PostAsync(Imports, Form(Csv("korean-headers.csv", new Dictionary<string, string>
        {
            ["org"] = organization.ToString(), ["brn1"] = $"{first[..3]}-{first[3..5]}-{first[5..]}", ["brn2"] = second,
        }), "가맹점.csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        imported.GetProperty("imported").GetInt32().ShouldBe(3);
        var merchants = await DetailsAsync(admin, imported);
        merchants.Select(merchant => merchant.GetProperty("name").GetString()).ShouldBe(["서울 패션", "부산 식품", "대구 전자, 본점"]);
        merchants.Select(merchant => merchant.GetProperty("feeRate").GetDecimal()).ShouldBe([0.0275m, 0.019m, 0.015m]);
        merchants.Select(merchant => merchant.GetProperty("businessRegistrationNumber").GetString()).ShouldBe([first, second, null]);
        merchants.Select(merchant => merchant.GetProperty("settlementCycle").GetString()).ShouldBe(["D2", "Monthly", "Weekly"]);
        using var merchantAdmin = _api.MerchantAdmin(organization);
        await Eventually.HoldsAsync(
            async () => (await merchantAdmin.GetFromJsonAsync<JsonElement>("/api/acquisition/merchants")).GetProperty("items").GetArrayLength() == 3,
            TimeSpan.FromSeconds(30), "the merchant list shows the three imported merchants");
    }

    [Fact]
    public async Task A_csv_saved_by_korean_excel_in_cp949_is_read_as_well()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var organization = await _api.OrganizationAsync();
        var utf8 = Csv("korean-headers.csv", new Dictionary<string, string>
        {
            ["org"] = organization.ToString(), ["brn1"] = RegistrationNumber(), ["brn2"] = RegistrationNumber(),
        });
        var cp949 = Encoding.GetEncoding(949).GetBytes(Encoding.UTF8.GetString(utf8).TrimStart('\uFEFF'));
        using var admin = _api.PlatformAdmin();

        var response = await admin.PostAsync(Imports, new ByteArrayContent(cp949));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await DetailsAsync(admin, await response.Content.ReadFromJsonAsync<JsonElement>()))[0].GetProperty("name").GetString().ShouldBe("서울 패션");
    }

    [Fact]
    public async Task One_mistyped_fee_rate_among_good_rows_stores_nothing_and_every_bad_cell_is_named()
    {
        var organization = await _api.OrganizationAsync();
        var numbers = Enumerable.Range(1, 6).ToDictionary(index => $"brn{index}", _ => RegistrationNumber());
        var values = new Dictionary<string, string>(numbers) { ["org"] = organization.ToString(), ["unknown"] = Guid.CreateVersion7().ToString() };
        using var admin = _api.PlatformAdmin();

        var response = await admin.PostAsync(Imports, Form(Csv("incident.csv", values), "incident.csv"));

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid");
        Cells(problem).ShouldBe([
            (3, "feeRate", "format"),
            (4, "feeRate", "out_of_range"),
            (5, "feeRate", "required"),
            (6, "name", "required"), (6, "vatRule", "required"), (6, "settlementCycle", "unknown_value"),
            (7, "organizationId", "organization_invalid"),
            (8, "businessRegistrationNumber", "duplicate_in_file"),
            (9, "organizationId", "format"), (9, "businessRegistrationNumber", "format"),
        ]);
        var mistyped = problem.GetProperty("cells").EnumerateArray().First();
        mistyped.GetProperty("value").GetString().ShouldBe("0..025");
        mistyped.GetProperty("header").GetString().ShouldBe("feeRate");
        mistyped.GetProperty("message").GetString()!.ShouldContain("2.5%");
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.merchants WHERE organization_id = $1", organization)).ShouldBe(0);
    }

    [Fact]
    public async Task An_xlsx_as_excel_writes_it_with_percent_cells_numbers_as_text_and_empty_cells()
    {
        var organization = (await _api.OrganizationAsync()).ToString();
        var (first, second) = (RegistrationNumber(), RegistrationNumber());
        XlsxCell?[] header = [new Text("조직 ID"), new Text("가맹점명"), new Text("사업자등록번호"), new Text("수수료율"), new Text("부가세"), new Text("정산주기")];
        XlsxCell?[] percentCell = [new Text(organization), new Text("광주 서점"), new Number(double.Parse(first)), new Percent(0.0275), new Text("Exempt"), new Text("D1")];
        XlsxCell?[] numberAsText = [new Text(organization), new Text("인천 항공"), new Text(second), new Text("0.019"), new Text("ZeroRated"), new Text("D2")];
        XlsxCell?[] emptyVatCell = [new Text(organization), new Text("수원 약국"), null, new Number(0.03), null, new Text("Weekly")];
        using var admin = _api.PlatformAdmin();

        var refused = await admin.PostAsync(Imports, new ByteArrayContent(Xlsx(header, percentCell, numberAsText, emptyVatCell, [])));

        Cells(await ProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid")).ShouldBe([(4, "vatRule", "required")]);
        emptyVatCell[4] = new Text("Taxable10Percent");
        var accepted = await admin.PostAsync(Imports, Form(Xlsx(header, percentCell, numberAsText, emptyVatCell, []), "merchants.xlsx"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var merchants = await DetailsAsync(admin, await accepted.Content.ReadFromJsonAsync<JsonElement>());
        merchants.Select(merchant => merchant.GetProperty("feeRate").GetDecimal()).ShouldBe([0.0275m, 0.019m, 0.03m]);
        merchants.Select(merchant => merchant.GetProperty("businessRegistrationNumber").GetString()).ShouldBe([first, second, null]);
    }

    [Fact]
    public async Task A_registration_number_or_name_already_stored_is_refused_on_its_row()
    {
        var organization = await _api.OrganizationAsync();
        var taken = RegistrationNumber();
        using var admin = _api.PlatformAdmin();
        (await admin.PostAsJsonAsync("/api/acquisition/merchants", new
        {
            organizationId = organization, name = "Existing", businessRegistrationNumber = taken, feeRate = 0.02m, vatRule = "Exempt", settlementCycle = "D1",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var csv = $"organizationId,name,businessRegistrationNumber,feeRate,vatRule,settlementCycle\n{organization},Fresh,{taken},0.02,Exempt,D1\n{organization},Existing,,0.02,Exempt,D1\n";

        var response = await admin.PostAsync(Imports, new StringContent(csv, Encoding.UTF8, "text/csv"));

        Cells(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid"))
            .ShouldBe([(2, "businessRegistrationNumber", "taken"), (3, "name", "taken")]);
    }

    [Fact]
    public async Task Files_that_are_not_merchant_sheets_are_refused_clearly()
    {
        using var admin = _api.PlatformAdmin();
        var organization = await _api.OrganizationAsync();

        await ProblemAsync(await admin.PostAsync(Imports, new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])), HttpStatusCode.BadRequest, "acquisition.import_unreadable");
        await ProblemAsync(await admin.PostAsync(Imports, new ByteArrayContent([])), HttpStatusCode.BadRequest, "acquisition.import_unreadable");
        Cells(await ProblemAsync(await admin.PostAsync(Imports, new StringContent("name,feeRate\nA,0.02\n")), HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid"))
            .ShouldBe([(1, "organizationId", "missing_column"), (1, "vatRule", "missing_column"), (1, "settlementCycle", "missing_column")]);
        Cells(await ProblemAsync(await admin.PostAsync(Imports, new StringContent($"organizationId,name,feeRate,vatRule,settlementCycle\n{organization},Nul\0Name,0.02,Exempt,D1\n")),
            HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid")).ShouldBe([(2, "name", "format")]);
        await ProblemAsync(await admin.PostAsync(Imports, new StringContent("organizationId,name,feeRate,vatRule,settlementCycle\n\n")),
            HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid");
        var tooLong = new StringBuilder("organizationId,name,feeRate,vatRule,settlementCycle\n");
        for (var row = 0; row <= 10_000; row++)
        {
            tooLong.Append(organization).Append(",M").Append(row).Append(",0.02,Exempt,D1\n");
        }

        await ProblemAsync(await admin.PostAsync(Imports, new StringContent(tooLong.ToString())), HttpStatusCode.UnprocessableEntity, "acquisition.import_too_many_rows");
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.merchants WHERE organization_id = $1", organization)).ShouldBe(0);
        using var merchantAdmin = _api.MerchantAdmin(organization);
        (await merchantAdmin.PostAsync(Imports, new StringContent("organizationId"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ten_thousand_rows_in_the_downloaded_template_are_stored_in_one_go()
    {
        using var admin = _api.PlatformAdmin();
        var template = await admin.GetStringAsync($"{Imports}/template.csv");
        var xlsxTemplate = await admin.GetAsync($"{Imports}/template.xlsx");
        xlsxTemplate.StatusCode.ShouldBe(HttpStatusCode.OK);
        Cells(await ProblemAsync(await admin.PostAsync(Imports, new ByteArrayContent(await xlsxTemplate.Content.ReadAsByteArrayAsync())),
            HttpStatusCode.UnprocessableEntity, "acquisition.import_invalid")).ShouldBeEmpty("the empty template has a header and no rows");
        var organization = await _api.OrganizationAsync();
        var sheet = new StringBuilder(template.TrimStart('\uFEFF'));
        for (var row = 0; row < 10_000; row++)
        {
            sheet.Append($"{organization},Merchant {row:00000},{RegistrationNumber()},0.0{row % 9 + 1},Taxable10Percent,D1\r\n");
        }

        var response = await admin.PostAsync(Imports, Form(Encoding.UTF8.GetBytes(sheet.ToString()), "merchants.csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(10_000);
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.merchants WHERE organization_id = $1", organization)).ShouldBe(10_000);
    }

    private static async Task<List<JsonElement>> DetailsAsync(HttpClient admin, JsonElement imported)
    {
        var merchants = new List<JsonElement>();
        foreach (var id in imported.GetProperty("merchantIds").EnumerateArray())
        {
            merchants.Add(await admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/merchants/{id.GetGuid()}"));
        }

        return merchants;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        return problem;
    }

    private static List<(int Row, string Column, string Code)> Cells(JsonElement problem) =>
        problem.TryGetProperty("cells", out var cells)
            ? cells.EnumerateArray().Select(cell => (cell.GetProperty("row").GetInt32(), cell.GetProperty("column").GetString()!, cell.GetProperty("code").GetString()!)).ToList()
            : [];

    private static string RegistrationNumber() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
