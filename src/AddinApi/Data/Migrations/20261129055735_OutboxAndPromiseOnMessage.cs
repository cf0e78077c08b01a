using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxAndPromiseOnMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });
            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "Messages",
                type: "INTEGER",
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Messages",
                type: "TEXT",
                maxLength: 50,
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "ContactTitle",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
            migrationBuilder.AddColumn<DateOnly>(
                name: "PromisedDate",
                table: "Messages",
                type: "TEXT",
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "ReceiptIds",
                table: "Messages",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
            // Deliveries move to the one outbox, and the promise of each acknowledged message onto the message itself.
            migrationBuilder.Sql("""
                INSERT INTO "Outbox" ("Id", "Kind", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "ClaimedUntil", "DoneAt", "LastError")
                SELECT "Id", 'acknowledgement', "Status", "Attempts", "CreatedAt", "NextAttemptAt", "ClaimedUntil", "SentAt", "LastError"
                FROM "Acknowledgements";
                """);
            migrationBuilder.Sql("""
                UPDATE "Messages" SET
                    "PromisedDate" = (SELECT a."PromisedDate" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "AcknowledgedAt" = (SELECT a."SentAt" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "ContactName" = (SELECT a."ContactName" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "ContactTitle" = (SELECT a."ContactTitle" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "ContactPhone" = (SELECT a."ContactPhone" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "ContactEmail" = (SELECT a."ContactEmail" FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."Status" = 'Sent'),
                    "ReceiptIds" = COALESCE((SELECT json_array(a."DraftId") FROM "Acknowledgements" a WHERE a."MessageId" = "Messages"."Id" AND a."DraftId" IS NOT NULL), '[]');
                """);

            migrationBuilder.DropTable(
                name: "SandboxMail");

            migrationBuilder.DropTable(
                name: "SandboxSentMail");

            migrationBuilder.DropIndex(
                name: "IX_Acknowledgements_MessageId",
                table: "Acknowledgements");

            migrationBuilder.DropIndex(
                name: "IX_Acknowledgements_Status_NextAttemptAt",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Acknowledgements");

            // Every receipt so far was the first of its message: sequence 0 (no SQL while SQLite's table rebuild is pending).
            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Acknowledgements");
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);










            migrationBuilder.CreateIndex(
                name: "IX_Messages_Mailbox_ConversationId",
                table: "Messages",
                columns: new[] { "Mailbox", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_MessageId_Sequence",
                table: "Acknowledgements",
                columns: new[] { "MessageId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Mailbox_ConversationId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Acknowledgements_MessageId_Sequence",
                table: "Acknowledgements");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ContactTitle",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PromisedDate",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ReceiptIds",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Acknowledgements");
            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Acknowledgements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "Acknowledgements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Acknowledgements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SandboxMail",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: true),
                    BodyText = table.Column<string>(type: "TEXT", nullable: true),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", nullable: false),
                    FromName = table.Column<string>(type: "TEXT", nullable: false),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    InternetMessageId = table.Column<string>(type: "TEXT", nullable: false),
                    Mark = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxMail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxSentMail",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InReplyTo = table.Column<string>(type: "TEXT", nullable: false),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxSentMail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_MessageId",
                table: "Acknowledgements",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_Status_NextAttemptAt",
                table: "Acknowledgements",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxSentMail_InReplyTo",
                table: "SandboxSentMail",
                column: "InReplyTo");
        }
    }
}
