using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Week = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DraftId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeadDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitHeads",
                columns: table => new
                {
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Members = table.Column<List<string>>(type: "text[]", nullable: false),
                    MemberNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    FunctionMailboxes = table.Column<List<string>>(type: "text[]", nullable: false),
                    SessionKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SessionStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
