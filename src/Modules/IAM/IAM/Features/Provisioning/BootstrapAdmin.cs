using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.Provisioning;

/// <summary>The first platform admin of a fresh installation, section "Iam:BootstrapAdmin" (Email, Password); skipped when not configured.</summary>
internal sealed class BootstrapAdminSettings
{
    public const string Section = "Iam:BootstrapAdmin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Creates the configured bootstrap admin at start-up, after the migrations (hosted services start in registration
/// order and the platform registers its migrator first). Two instances starting together race on the unique indexes;
/// the loser leaves it to the winner.
/// </summary>
internal sealed class BootstrapAdmin(IServiceScopeFactory scopes, IConfiguration configuration, IOptions<IamOptions> options) : IHostedService
{
    public const string PlatformRegistrationNumber = "PLATFORM";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = configuration.GetSection(BootstrapAdminSettings.Section).Get<BootstrapAdminSettings>();
        if (string.IsNullOrWhiteSpace(settings?.Email) || string.IsNullOrEmpty(settings.Password))
        {
            return;
        }

        if (settings.Password.Length < Password.MinimumLength)
        {
            throw new InvalidOperationException($"{BootstrapAdminSettings.Section}:Password must have at least {Password.MinimumLength} characters.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        var provisioning = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var platform = await provisioning.EnsureOrganizationAsync(OrganizationKind.Platform, "Platform", PlatformRegistrationNumber, cancellationToken);
        await provisioning.EnsureUserAsync(settings.Email, "Platform admin", platform, [Roles.PlatformAdmin], settings.Password, options.Value.PasswordIterations, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
