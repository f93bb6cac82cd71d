using Modular.BuildingBlocks.Infrastructure.Migrations;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class MigrationScriptTests
{
    [Fact]
    public void A_checkout_with_other_line_endings_has_the_same_checksum() =>
        new MigrationScript("0001_a.sql", "CREATE TABLE a ();\r\nSELECT 1;\r\n").Checksum
            .ShouldBe(new MigrationScript("0001_a.sql", "CREATE TABLE a ();\nSELECT 1;\n").Checksum);

    [Fact]
    public void Any_change_of_content_changes_the_checksum() =>
        new MigrationScript("0001_a.sql", "CREATE TABLE a (id int);").Checksum
            .ShouldNotBe(new MigrationScript("0001_a.sql", "CREATE TABLE a (id bigint);").Checksum);
}
