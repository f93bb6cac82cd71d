using FluentValidation;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>Only the shape is checked here: bad addresses are reported per row by the job, they do not fail the request.</summary>
internal sealed class InviteUsersCommandValidator : AbstractValidator<InviteUsersCommand>
{
    public const int MaxEmails = 1_000;
    private const int MaxRowLength = 320;

    public InviteUsersCommandValidator()
    {
        RuleFor(command => command.Emails).NotNull().Must(emails => emails.Count is >= 1 and <= MaxEmails)
            .WithMessage($"An invitation has 1 to {MaxEmails} e-mail addresses.");
        RuleForEach(command => command.Emails).NotNull().MaximumLength(MaxRowLength);
        RuleFor(command => command.Roles).NotEmpty();
        RuleForEach(command => command.Roles).Must(Roles.IsKnown).WithMessage("Unknown role.");
    }
}
