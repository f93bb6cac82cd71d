using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A command's Idempotency-Key in its module's <c>request_keys</c>, inside the command's transaction: the first request
/// claims the key and stores its answer with its changes; a retry with the same body gets that answer, another body 422.
/// A concurrent retry waits on the key's primary key until the first commits (then replays) or rolls back (then runs).
/// Keys live 24 hours.
/// </summary>
internal static class RequestKeys
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Claims the key for this request, or returns the first answer stored under it.</summary>
    public static async Task<(bool Claimed, TResult? Answer)> ClaimAsync<TResult>(
        ModuleDbContext db, Guid caller, string key, object request, CancellationToken cancellationToken)
    {
        var hash = HashOf(request);
        // The schema is the module's own constant, never input; the values are parameters.
        var claim = "INSERT INTO " + db.Schema + ".request_keys AS k (caller_id, key, request_hash, created_at) VALUES ({0}, {1}, {2}, now()) " +
            "ON CONFLICT (caller_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = EXCLUDED.created_at " +
            "WHERE k.created_at < now() - interval '24 hours'";
        var claimed = await db.Database.ExecuteSqlRawAsync(claim, [caller, key, hash], cancellationToken) == 1;
        if (claimed)
        {
            return (true, default);
        }

        var read = "SELECT request_hash AS \"RequestHash\", response AS \"Response\" FROM " + db.Schema + ".request_keys WHERE caller_id = {0} AND key = {1}";
        var first = await db.Database.SqlQueryRaw<StoredAnswer>(read, caller, key).SingleAsync(cancellationToken);
        if (first.RequestHash != hash)
        {
            throw new DomainException(Error.Unprocessable(
                "request.idempotency_key_reused", "This Idempotency-Key was already used with a different request."));
        }

        return (false, JsonSerializer.Deserialize<TResult>(first.Response!, Json));
    }

    public static Task StoreAsync<TResult>(ModuleDbContext db, Guid caller, string key, TResult answer, CancellationToken cancellationToken)
    {
        var store = "UPDATE " + db.Schema + ".request_keys SET response = {0} WHERE caller_id = {1} AND key = {2}";
        return db.Database.ExecuteSqlRawAsync(store, [JsonSerializer.Serialize(answer, Json), caller, key], cancellationToken);
    }

    /// <summary>What makes two requests "the same": the command's type and every field of it.</summary>
    private static string HashOf(object request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            request.GetType().FullName + "\n" + JsonSerializer.Serialize(request, request.GetType(), Json))));

    private sealed record StoredAnswer(string RequestHash, string? Response);
}
