using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.IAM.ReadModels;

/// <summary>IAM's documents and the indexes its lists use (named in each query handler). Lists page by keyset on the time-ordered id.</summary>
internal static class IamReadStore
{
    public static void Declare(ReadDocuments documents) => documents
        .Add<OrganizationDocument>(organization => organization
            .Index([document => document.Kind, document => document.Id], index => index.Name = "organizations_by_kind"))
        .Add<UserDocument>(user => user
            .Index([document => document.OrganizationId!, document => document.Id], index => index.Name = "users_by_organization")
            .Index(document => document.Email, index => index.Name = "users_by_email")
            .GinIndexJsonDataMember(document => document.Roles, index => index.Name = "users_by_role"));
}
