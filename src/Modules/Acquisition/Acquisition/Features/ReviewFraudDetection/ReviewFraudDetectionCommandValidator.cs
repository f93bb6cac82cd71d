using FluentValidation;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features.ReviewFraudDetection;

internal sealed class ReviewFraudDetectionCommandValidator : AbstractValidator<ReviewFraudDetectionCommand>
{
    public ReviewFraudDetectionCommandValidator() =>
        RuleFor(command => command.Note).NotEmpty().MaximumLength(FraudDetection.MaxNoteLength)
            .WithMessage($"A review says what was found, in at most {FraudDetection.MaxNoteLength} characters.");
}
