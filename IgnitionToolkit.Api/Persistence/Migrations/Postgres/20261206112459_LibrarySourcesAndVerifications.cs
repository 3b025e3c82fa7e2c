using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IgnitionToolkit.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LibrarySourcesAndVerifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_sources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Branch = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SubFolder = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    CredentialName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PullIntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    AutoUpdate = table.Column<bool>(type: "boolean", nullable: false),
                    PulledCommit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PulledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "playbook_verifications",
                columns: table => new
                {
                    Path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerifiedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_playbook_verifications", x => new { x.Path, x.ContentHash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_library_sources_Name",
                table: "library_sources",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_sources");

            migrationBuilder.DropTable(
                name: "playbook_verifications");
        }
    }
}
