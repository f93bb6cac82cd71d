using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("MessageId", "message_id")]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("CardBIN", "card_bin")]
    [InlineData("already_snake", "already_snake")]
    public void Names_become_snake_case(string name, string expected) => SnakeCase.From(name).ShouldBe(expected);
}
