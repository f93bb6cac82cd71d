using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.ReadModels;
using NpgsqlTypes;

namespace Modular.IAM.Features.SearchOrganizations;

/// <summary>Operators list every organization (organizations_by_kind for the kind filter); a merchant sees only its own.</summary>
internal sealed class SearchOrganizationsQueryHandler(IamReadDatabase database, ICurrentUser user)
    : IRequestHandler<SearchOrganizationsQuery, KeysetPage<OrganizationSummary>>
{
    private const string Sql = """
        SELECT id, kind, name, registration_number, status, created_at FROM iam_read.organizations
         WHERE ($1::uuid IS NULL OR id = $1)
           AND ($2::text IS NULL OR kind = $2)
           AND ($3::text IS NULL OR status = $3)
           AND ($4::uuid IS NULL OR id < $4)
         ORDER BY id DESC LIMIT $5
        """;

    public async Task<KeysetPage<OrganizationSummary>> Handle(SearchOrganizationsQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(Sql);
        command.Parameters.Add(ReadParameters.Nullable(user.VisibleOrganization(), NpgsqlDbType.Uuid));
        command.Parameters.Add(ReadParameters.Nullable(query.Kind, NpgsqlDbType.Text));
        command.Parameters.Add(ReadParameters.Nullable(query.Status, NpgsqlDbType.Text));
        command.Parameters.Add(ReadParameters.Nullable(query.Before, NpgsqlDbType.Uuid));
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = query.Limit });
        return await KeysetPages.ReadAsync(command, query.Limit, reader => new OrganizationSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5)),
            summary => summary.Id, cancellationToken);
    }
}
