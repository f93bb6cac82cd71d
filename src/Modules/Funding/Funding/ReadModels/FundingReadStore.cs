using Modular.BuildingBlocks.Infrastructure.ReadModels;
using NpgsqlTypes;

namespace Modular.Funding.ReadModels;

/// <summary>Funding's documents and the indexes its lists use (named in each query handler).</summary>
internal static class FundingReadStore
{
    public static void Declare(ReadDocuments documents)
    {
        documents.Add<ProjectDocument>(project => project
            .Duplicate(document => document.Deadline, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Duplicate(document => document.OrganizationId)
            .Duplicate(document => document.Status)
            .Index([document => document.OrganizationId, document => document.Id], index => index.Name = "projects_by_organization")
            .Index([document => document.Status, document => document.Id], index => index.Name = "projects_by_status")
            .Index([document => document.Deadline!, document => document.Id], index => index.Name = "projects_by_deadline"));
        documents.Add<PledgeDocument>(pledge => pledge
            .Duplicate(document => document.BackerId)
            .Duplicate(document => document.ProjectId)
            .Duplicate(document => document.Status)
            .Index([document => document.BackerId, document => document.Id], index => index.Name = "pledges_by_backer")
            .Index([document => document.ProjectId, document => document.Id], index => index.Name = "pledges_by_project")
            .Index([document => document.ProjectId, document => document.Status, document => document.Id], index => index.Name = "pledges_by_project_status"));
    }
}
