using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.BuildingBlocks.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>The process-wide e-mail sender; several modules may call this, the first registration wins.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, SmtpSettings smtp)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.TryAddSingleton<IEmailSender>(provider =>
            new SmtpEmailSender(smtp, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>()));
        return services;
    }
}
