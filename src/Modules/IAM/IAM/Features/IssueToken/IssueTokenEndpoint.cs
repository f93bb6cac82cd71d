using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.IAM.Features.IssueToken;

internal static class IssueTokenEndpoint
{
    public const string InvalidCredentialsCode = "iam.invalid_credentials";

    public static void MapIssueToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/token", async (IssueTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(command, cancellationToken) is { } token
                ? TypedResults.Ok(new TokenResponse(token.Token, "Bearer", token.ExpiresAt))
                : Results.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "The e-mail or password is not correct, or the account cannot log in right now.",
                    extensions: new Dictionary<string, object?> { ["code"] = InvalidCredentialsCode }))
            .Produces<TokenResponse>()
            .WithSummary("Log in: exchange an e-mail and password for a bearer access token")
            .Refuses(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();

    internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);
}
