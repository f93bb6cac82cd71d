using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;
using Modular.IAM.Features;
using Modular.IAM.Features.AcceptInvitation;
using Modular.IAM.Features.AddContact;
using Modular.IAM.Features.CreateOrganization;
using Modular.IAM.Features.CreateUser;
using Modular.IAM.Features.DisableUser;
using Modular.IAM.Features.GetInvitationJob;
using Modular.IAM.Features.GetOrganization;
using Modular.IAM.Features.GetUser;
using Modular.IAM.Features.InviteUsers;
using Modular.IAM.Features.IssueToken;
using Modular.IAM.Features.Provisioning;
using Modular.IAM.Features.RegisterCustomer;
using Modular.IAM.Features.SearchOrganizations;
using Modular.IAM.Features.SearchUsers;
using Modular.IAM.Infrastructure;
using Modular.IAM.ReadModels;

namespace Modular.IAM;

public sealed class IamModule : IModule
{
    public const string ModuleName = "iam";

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        // Logins hold a connection for one PBKDF2 verification (~50 ms), requests for a few short statements;  the
        // invitation mailer holds none while it talks SMTP (only for its short lease and record statements), and the
        // projections of a 1,000-row job arrive at once. 20 covers that without starving the other modules' pools.
        services.AddModuleDatabase<IamDbContext>(ModuleName, context.Services.Postgres, maxPoolSize: 20);
        services.AddUniqueConstraintErrors(ModuleName, IamErrors.ByUniqueIndex);
        services.Configure<IamOptions>(context.Configuration.GetSection(IamOptions.Section));
        services.AddEmail(context.Configuration, context.Services.Smtp);
        services.AddScoped<AccountProvisioning>();
        services.AddHostedService<BootstrapAdmin>();
        services.AddSingleton<IamMetrics>();
        services.AddHostedService<InvitationMailer>();
        services.AddScoped<IDemoDataSeeder, DemoDataSeeder>();
        services.AddReadStore<IamDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Iam:ReadConnectionString"], maxPoolSize: 5, IamReadStore.Declare);
        services.AddReadModelRebuild<IamDbContext, OrganizationDocument>(
            ModuleName, IamRebuild.Organizations, IamRebuild.LoadOrganizationsAsync, IamRebuild.Replace);
        services.AddReadModelRebuild<IamDbContext, UserDocument>(ModuleName, IamRebuild.Users, IamRebuild.LoadUsersAsync, UserDocument.Apply);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<IamDbContext>(ModuleName);
        bus.AddConsumer<InvitationJobSubmittedConsumer>();
        bus.AddConsumer<OrganizationRegisteredProjection>();
        bus.AddModuleBatchConsumer<UserRegisteredProjection>();
        bus.AddModuleBatchConsumer<UserActivatedProjection>();
        bus.AddModuleBatchConsumer<UserDisabledProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIssueToken();
        endpoints.MapRegisterCustomer();
        endpoints.MapCreateOrganization();
        endpoints.MapSearchOrganizations();
        endpoints.MapGetOrganization();
        endpoints.MapAddContact();
        endpoints.MapCreateUser();
        endpoints.MapSearchUsers();
        endpoints.MapGetUser();
        endpoints.MapDisableUser();
        endpoints.MapInviteUsers();
        endpoints.MapGetInvitationJob();
        endpoints.MapAcceptInvitation();
    }
}
