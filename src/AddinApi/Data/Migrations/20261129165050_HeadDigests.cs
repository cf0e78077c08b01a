using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeadDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeadDigests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DraftId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeadDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitHeads",
                columns: table => new
                {
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Members = table.Column<string>(type: "TEXT", nullable: false),
                    MemberNames = table.Column<string>(type: "TEXT", nullable: false),
                    FunctionMailboxes = table.Column<string>(type: "TEXT", nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SessionStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitHeads", x => x.Email);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeadDigests_Recipient_Week",
                table: "HeadDigests",
                columns: new[] { "Recipient", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeadDigests");

            migrationBuilder.DropTable(
                name: "UnitHeads");
        }
    }
}
