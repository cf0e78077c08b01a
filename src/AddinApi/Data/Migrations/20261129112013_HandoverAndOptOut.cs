using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class HandoverAndOptOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WatchOwnMailbox",
                table: "Officials",
                type: "INTEGER",
                nullable: false,
                // Officials signed in before the choice existed are watched, as everyone is from their first sign-in.
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "HandedOverAt",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOverBy",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOverByName",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOverTo",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOverToName",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverInternetMessageId",
                table: "Messages",
                type: "TEXT",
                maxLength: 998,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Handovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", nullable: true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NotifyCitizen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForwardDraftId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ForwardSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoticeDraftId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handovers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_HandoverInternetMessageId",
                table: "Messages",
                column: "HandoverInternetMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_MessageId",
                table: "Handovers",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Handovers");

            migrationBuilder.DropIndex(
                name: "IX_Messages_HandoverInternetMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "WatchOwnMailbox",
                table: "Officials");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HandedOverBy",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HandedOverByName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HandedOverTo",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HandedOverToName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HandoverInternetMessageId",
                table: "Messages");
        }
    }
}
