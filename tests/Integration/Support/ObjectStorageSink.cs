using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// s3rver, an S3-compatible server, as a local process of the test run on a free port, with one bucket: where a host
/// configured with <see cref="Settings"/> stores its export files (multipart uploads, pre-signed links).
/// </summary>
public sealed class ObjectStorageSink : IAsyncDisposable
{
    public const string Bucket = "modular-exports";

    // s3rver's fixed credentials; it checks signatures made with them.
    private const string AccessKey = "S3RVER";
    private const string SecretKey = "S3RVER";

    private readonly int _port = FreePorts.Next();
    private LocalTool? _process;

    public Uri Address => new($"http://{IPAddress.Loopback}:{_port}");

    /// <summary>Settlement's storage settings for this server, with parts of <paramref name="partSizeBytes"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings(int partSizeBytes) => new Dictionary<string, string>
    {
        ["Settlement:Exports:S3:ServiceUrl"] = Address.ToString(),
        ["Settlement:Exports:S3:Bucket"] = Bucket,
        ["Settlement:Exports:S3:AccessKey"] = AccessKey,
        ["Settlement:Exports:S3:SecretKey"] = SecretKey,
        ["Settlement:Exports:S3:PartSizeBytes"] = partSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A client of the server, to look at what the Host stored as another reader would.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Address.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "ap-northeast-2",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task StartAsync() => _process = await LocalTool.StartAsync(
        "s3rver",
        directory => ["-d", directory, "-a", $"{IPAddress.Loopback}", "-p", $"{_port}", "--silent", "--configure-bucket", Bucket],
        Address,
        async http => (await http.GetAsync("/")).StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
