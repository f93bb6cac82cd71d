using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

/// <summary>
/// Exports stored in an S3-compatible server (s3rver), written as multipart uploads with parts far smaller than the files,
/// and downloaded through pre-signed links that expire and are re-issued without regenerating the file. On a host of
/// its own, so its worker alone runs its jobs.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ObjectStorageExportTests(TestPlatform platform)
{
    private const int PartSizeBytes = 1024;

    [Fact]
    public async Task A_csv_and_a_zip_go_to_the_bucket_in_parts_and_their_presigned_links_expire_and_are_reissued()
    {
        await using var storage = new ObjectStorageSink();
        await storage.StartAsync();
        var (_, isolated) = await platform.IsolatedHostAsync();
        var settings = isolated.Concat(storage.Settings(PartSizeBytes)).Concat(new Dictionary<string, string>
        {
            ["Settlement:Exports:SingleFileRowLimit"] = "30",
            ["Settlement:Exports:LinkLifetime"] = "00:00:05",
        }).ToDictionary();
        await using var host = new ModularHostFactory(settings);
        var api = new SettlementApi(host);
        var day = SettlementApi.UniqueDay();
        var entries = Enumerable.Range(0, 40).Select(i => SettlementApi.Payment(Guid.CreateVersion7(), day.AddHours(i * 6 + 1))).ToList();
        await api.RecordAsync(entries);
        await api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 80);
        using var finance = api.Finance();
        using var anonymous = new HttpClient();

        var csvJob = await ExportAsync(finance, new { requestedFrom = day, requestedTo = day.AddDays(1) });
        var zipJob = await ExportAsync(finance, new { requestedFrom = day, requestedTo = day.AddDays(10) });

        var csvLink = Link(csvJob);
        csvLink.Host.ShouldBe(storage.Address.Host, "an S3 pre-signed URL, not the Host's download endpoint");
        csvLink.Query.ShouldContain("X-Amz-Signature=");
        var csv = await anonymous.GetByteArrayAsync(csvLink);
        csv.Length.ShouldBeGreaterThan(PartSizeBytes, "the file spans several parts");
        csvJob.GetProperty("sizeBytes").GetInt64().ShouldBe(csv.Length);
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var written = csvJob.GetProperty("rowsWritten").GetInt64();
        written.ShouldBeInRange(8, 30, "the first day's payments with their fees, at most the single-file limit");
        ExportTests.Lines(csv).Count.ShouldBe(1 + (int)written);

        var zipBytes = await anonymous.GetByteArrayAsync(Link(zipJob));
        zipJob.GetProperty("sizeBytes").GetInt64().ShouldBe(zipBytes.Length);
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            var rows = 0;
            foreach (var entry in zip.Entries)
            {
                using var content = new MemoryStream();
                await using (var stream = await entry.OpenAsync())
                {
                    await stream.CopyToAsync(content);
                }

                rows += ExportTests.Lines(content.ToArray()).Count - 1;
            }

            rows.ShouldBe(80);
        }

        using (var client = storage.Client())
        {
            var stored = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = ObjectStorageSink.Bucket });
            stored.S3Objects.Select(file => file.Size).ShouldBe([csv.Length, zipBytes.Length], ignoreOrder: true, "the two files, whole");
        }

        await Eventually.HoldsAsync(async () => (await anonymous.GetAsync(csvLink)).StatusCode == HttpStatusCode.Forbidden,
            SettlementApi.Patience, "the pre-signed link stops working once its 5 s are over");
        var reissued = Link(await finance.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{csvJob.GetProperty("id").GetGuid()}"));
        reissued.ShouldNotBe(csvLink);
        (await anonymous.GetByteArrayAsync(reissued)).ShouldBe(csv, "the same file, not a new export");
    }

    private static async Task<JsonElement> ExportAsync(HttpClient finance, object filter)
    {
        var accepted = await finance.PostAsJsonAsync("/api/settlement/exports", filter);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        return await SettlementApi.ReadyAsync(finance, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static Uri Link(JsonElement job) => new(job.GetProperty("download").GetProperty("url").GetString()!);
}
