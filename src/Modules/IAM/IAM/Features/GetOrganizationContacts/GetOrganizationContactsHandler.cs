using MediatR;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetOrganizationContacts;

/// <summary>
/// One statement for the whole batch: organizations by primary key (= ANY) left-joined to their contacts through
/// contacts_by_organization, grouped here. Other modules call it in-process, so no caller scoping applies.
/// </summary>
internal sealed class GetOrganizationContactsHandler(ModuleDataSource<IamDbContext> database)
    : IRequestHandler<Contracts.GetOrganizationContacts, IReadOnlyList<OrganizationContacts>>
{
    private const string Sql = """
        SELECT o.id, o.kind, o.name, o.registration_number, o.status, c.id, c.name, c.email, c.is_primary
          FROM iam.organizations o
          LEFT JOIN iam.contacts c ON c.organization_id = o.id
         WHERE o.id = ANY($1)
         ORDER BY o.id, c.is_primary DESC, c.created_at
        """;

    public async Task<IReadOnlyList<OrganizationContacts>> Handle(Contracts.GetOrganizationContacts request, CancellationToken cancellationToken)
    {
        var ids = request.OrganizationIds.Distinct().ToArray();
        if (ids.Length > Contracts.GetOrganizationContacts.MaxIds)
        {
            throw new DomainException(Error.Unprocessable("iam.too_many_ids", $"At most {Contracts.GetOrganizationContacts.MaxIds} organizations per request."));
        }

        var result = new List<OrganizationContacts>(ids.Length);
        if (ids.Length == 0)
        {
            return result;
        }

        await using var command = database.DataSource.CreateCommand(Sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<OrganizationContact>? contacts = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var organizationId = reader.GetGuid(0);
            if (result.Count == 0 || result[^1].OrganizationId != organizationId)
            {
                contacts = [];
                result.Add(new OrganizationContacts(organizationId, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), contacts));
            }

            if (!reader.IsDBNull(5))
            {
                contacts!.Add(new OrganizationContact(reader.GetGuid(5), reader.GetString(6), reader.GetString(7), reader.GetBoolean(8)));
            }
        }

        return result;
    }
}
