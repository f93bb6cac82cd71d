using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.Domain;
using Modular.IAM.ReadModels;
using NpgsqlTypes;

namespace Modular.IAM.Features.SearchUsers;

/// <summary>
/// A merchant admin's search is pinned to its own organization (users_by_organization), whatever it asks for;
/// operators may filter by organization or search all. E-mail prefix uses users_by_email, role users_by_role.
/// </summary>
internal sealed class SearchUsersQueryHandler(IamReadDatabase database, ICurrentUser user) : IRequestHandler<SearchUsersQuery, KeysetPage<UserSummary>>
{
    private const string Sql = """
        SELECT id, email, name, organization_id, roles, status, created_at FROM iam_read.users
         WHERE ($1::uuid IS NULL OR organization_id = $1)
           AND ($2::uuid IS NULL OR organization_id = $2)
           AND ($3::text IS NULL OR status = $3)
           AND ($4::text IS NULL OR roles @> ARRAY[$4])
           AND ($5::text IS NULL OR email LIKE $5 || '%')
           AND ($6::uuid IS NULL OR id < $6)
         ORDER BY id DESC LIMIT $7
        """;

    public async Task<KeysetPage<UserSummary>> Handle(SearchUsersQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(Sql);
        command.Parameters.Add(ReadParameters.Nullable(user.VisibleOrganization(), NpgsqlDbType.Uuid));
        command.Parameters.Add(ReadParameters.Nullable(query.OrganizationId, NpgsqlDbType.Uuid));
        command.Parameters.Add(ReadParameters.Nullable(query.Status, NpgsqlDbType.Text));
        command.Parameters.Add(ReadParameters.Nullable(query.Role, NpgsqlDbType.Text));
        command.Parameters.Add(ReadParameters.Nullable(EscapedPrefix(query.EmailPrefix), NpgsqlDbType.Text));
        command.Parameters.Add(ReadParameters.Nullable(query.Before, NpgsqlDbType.Uuid));
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = query.Limit });
        return await KeysetPages.ReadAsync(command, query.Limit, reader => new UserSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetFieldValue<string[]>(4), reader.GetString(5), reader.GetDateTime(6)),
            summary => summary.Id, cancellationToken);
    }

    private static string? EscapedPrefix(string? prefix) =>
        string.IsNullOrWhiteSpace(prefix) ? null : EmailAddress.Normalize(prefix).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
