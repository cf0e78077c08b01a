using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Sandbox.Migrations
{
    /// <inheritdoc />
    public partial class MailboxesAndChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Mailbox",
                table: "SandboxMail",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                // Mail from before there were several mailboxes was the first sandbox user's.
                defaultValue: "handlaggare@sandbox.botkyrka.se");

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "SandboxMail",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Each existing mail its own place in the change log (SQLite: rowid is unique).
            migrationBuilder.Sql("UPDATE SandboxMail SET Version = rowid;");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxMail_Mailbox_Version",
                table: "SandboxMail",
                columns: new[] { "Mailbox", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SandboxMail_Mailbox_Version",
                table: "SandboxMail");

            migrationBuilder.DropColumn(
                name: "Mailbox",
                table: "SandboxMail");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SandboxMail");
        }
    }
}
