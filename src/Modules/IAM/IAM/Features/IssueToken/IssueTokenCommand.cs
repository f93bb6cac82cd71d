using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.IssueToken;

/// <summary>Logs in; null when the credentials are refused for any reason (the caller is told nothing more).</summary>
internal sealed record IssueTokenCommand(string Email, string Password) : ICommand<AccessToken?>;
