using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontaktlofte.AddinApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class WatchedMailboxesAndWorklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnswerTo",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitizenAddress",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitizenName",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Messages",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebLink",
                table: "Messages",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedStates",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedStates", x => new { x.Mailbox, x.Folder });
                });

            migrationBuilder.CreateTable(
                name: "WatchedMailboxes",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Watchers = table.Column<string>(type: "TEXT", nullable: false),
                    AutomaticReceipt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchedMailboxes", x => x.Address);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedStates");

            migrationBuilder.DropTable(
                name: "WatchedMailboxes");

            migrationBuilder.DropColumn(
                name: "AnswerTo",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CitizenAddress",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CitizenName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "WebLink",
                table: "Messages");
        }
    }
}
