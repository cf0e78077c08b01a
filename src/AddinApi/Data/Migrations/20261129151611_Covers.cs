using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class Covers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Covers",
                columns: table => new
                {
                    Member = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CoverEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CoverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Covers", x => x.Member);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Covers_To",
                table: "Covers",
                column: "To");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Covers");
        }
    }
}
