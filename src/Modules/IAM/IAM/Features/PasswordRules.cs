using FluentValidation;
using Modular.IAM.Domain;

namespace Modular.IAM.Features;

internal static class PasswordRules
{
    public static IRuleBuilderOptions<T, string> IsAcceptablePassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Length(Password.MinimumLength, Password.MaximumLength)
            .WithMessage($"A password has {Password.MinimumLength} to {Password.MaximumLength} characters.");

    public static IRuleBuilderOptions<T, string> IsEmailAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(EmailAddress.IsValid).WithMessage("Not a valid e-mail address.");
}
