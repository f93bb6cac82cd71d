using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.RegisterCustomer;

/// <summary>A shopper or backer signs up; the account is Active with the Customer role and no organization.</summary>
internal sealed record RegisterCustomerCommand(string Email, string Password, string Name) : ICommand<UserResponse>;
