using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Modular.BuildingBlocks.Web.Security;

/// <summary>The symmetric key that signs and validates access tokens.</summary>
public sealed class SigningKey
{
    private SigningKey(SymmetricSecurityKey value) => Value = value;

    public SymmetricSecurityKey Value { get; }

    /// <summary>
    /// Outside Development a missing or short key stops start-up: a guessable key would let anyone mint an admin token.
    /// Development without a key uses the checkout's local one (<see cref="DevelopmentSigningKey"/>), stable across restarts.
    /// </summary>
    public static SigningKey From(JwtSettings settings, IHostEnvironment environment)
    {
        var bytes = string.IsNullOrEmpty(settings.SigningKey) ? [] : Encoding.UTF8.GetBytes(settings.SigningKey);
        if (bytes.Length >= JwtSettings.MinimumKeyBytes)
        {
            return new SigningKey(new SymmetricSecurityKey(bytes));
        }

        if (environment.IsDevelopment() && bytes.Length == 0)
        {
            return new SigningKey(new SymmetricSecurityKey(DevelopmentSigningKey.LoadOrCreate(environment.ContentRootPath)));
        }

        throw new InvalidOperationException(
            $"{JwtSettings.Section}:SigningKey must be set to at least {JwtSettings.MinimumKeyBytes} bytes " +
            $"(environment {environment.EnvironmentName}); refusing to start with a missing or weak signing key.");
    }
}
