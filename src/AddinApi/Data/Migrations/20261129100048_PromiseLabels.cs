using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class PromiseLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnCategories",
                table: "Messages",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Label",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "OwnCategories",
                table: "Messages");
        }
    }
}
