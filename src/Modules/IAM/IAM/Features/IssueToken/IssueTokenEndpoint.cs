using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.IAM.Features.IssueToken;

internal static class IssueTokenEndpoint
{
    public const string InvalidCredentialsCode = "iam.invalid_credentials";

    public static void MapIssueToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/token", async (IssueTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(command, cancellationToken) is { } token
                ? Results.Ok(new TokenResponse(token.Token, "Bearer", token.ExpiresAt))
                : Results.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "The e-mail or password is not correct, or the account cannot log in right now.",
                    extensions: new Dictionary<string, object?> { ["code"] = InvalidCredentialsCode }))
            .AllowAnonymous();

    internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);
}
