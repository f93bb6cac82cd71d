using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Domain.Errors;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A module's unique indexes and the conflict each one means, e.g. <c>users_email</c> → <c>iam.email_taken</c>.</summary>
public sealed record UniqueConstraintErrorMap(string Schema, IReadOnlyDictionary<string, Error> ErrorByIndex);

/// <summary>
/// What a unique violation (23505) means to the client: a pre-check cannot see a concurrent insert of the same value,
/// so the race ends on the index, and that is the same conflict as the pre-check's, never a server error. An index a
/// module did not name still answers 409 with the module's code <c>&lt;module&gt;.already_exists</c>.
/// </summary>
public sealed class UniqueConstraintErrors(IEnumerable<UniqueConstraintErrorMap> maps)
{
    private readonly Dictionary<(string Schema, string Index), Error> _errors = maps
        .SelectMany(map => map.ErrorByIndex.Select(entry => (Key: (map.Schema, entry.Key), entry.Value)))
        .ToDictionary(entry => entry.Key, entry => entry.Value);

    /// <summary>The unique violation behind an exception (EF wraps it in a DbUpdateException), if that is what it is.</summary>
    public static PostgresException? ViolationIn(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation => violation,
        { InnerException: { } inner } => ViolationIn(inner),
        _ => null,
    };

    public Error For(PostgresException violation) =>
        violation.SchemaName is { } schema && violation.ConstraintName is { } index && _errors.TryGetValue((schema, index), out var error)
            ? error
            : Error.Conflict($"{violation.SchemaName ?? "request"}.already_exists", "Another record already has one of these unique values.");
}

public static class UniqueConstraintErrorRegistration
{
    public static IServiceCollection AddUniqueConstraintErrors(this IServiceCollection services, string schema, IReadOnlyDictionary<string, Error> errorByIndex)
    {
        services.AddSingleton(new UniqueConstraintErrorMap(schema, errorByIndex));
        return services;
    }
}
