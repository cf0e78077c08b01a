using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptOrUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsUpdate",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            // Until now a sequence above 0 meant a new answer date.
            migrationBuilder.Sql("UPDATE \"Acknowledgements\" SET \"IsUpdate\" = 1 WHERE \"Sequence\" > 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsUpdate",
                table: "Acknowledgements");
        }
    }
}
