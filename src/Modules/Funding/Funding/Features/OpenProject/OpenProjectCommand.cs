using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Funding.Features.OpenProject;

internal sealed record OpenProjectCommand(Guid ProjectId) : ICommand<ProjectResponse>;
