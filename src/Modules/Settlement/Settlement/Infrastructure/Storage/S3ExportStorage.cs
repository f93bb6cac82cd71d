using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Modular.Settlement.Infrastructure.Storage;

/// <summary>
/// Export files in an S3-compatible bucket. An upload is a multipart upload: parts leave as they fill, so memory holds one
/// part whatever the file's size, and S3 shows the object only once the upload completes (an abandoned one is aborted,
/// or expires by the bucket's lifecycle rule). Links are S3 pre-signed URLs with the job's expiry.
/// </summary>
internal sealed class S3ExportStorage : IExportStorage, IDisposable
{
    private readonly S3StorageOptions _options;
    private readonly AmazonS3Client _client;

    public S3ExportStorage(IOptions<SettlementOptions> options)
    {
        _options = options.Value.Exports.S3;
        var config = new AmazonS3Config
        {
            ServiceURL = _options.ServiceUrl,
            AuthenticationRegion = _options.Region,
            ForcePathStyle = _options.ForcePathStyle,
            // Checksums only where S3 requires them: compatible servers do not all read the trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _client = _options.AccessKey is { Length: > 0 } accessKey
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, _options.SecretKey), config)
            : new AmazonS3Client(config);
    }

    public async Task<IExportUpload> BeginAsync(string key, CancellationToken cancellationToken)
    {
        var started = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = key }, cancellationToken);
        return new MultipartUpload(_client, _options.Bucket!, key, started.UploadId, _options.PartSizeBytes);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        (await _client.GetObjectAsync(_options.Bucket, key, cancellationToken)).ResponseStream;

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => _client.DeleteObjectAsync(_options.Bucket, key, cancellationToken);

    public Uri Link(Guid jobId, string key, string fileName, DateTimeOffset expiresAt)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = _options.ServiceUrl!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        request.ResponseHeaderOverrides.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return new Uri(_client.GetPreSignedURL(request));
    }

    public void Dispose() => _client.Dispose();
}
