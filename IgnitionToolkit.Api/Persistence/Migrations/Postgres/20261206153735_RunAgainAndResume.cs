using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IgnitionToolkit.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunAgainAndResume : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VariablesJson",
                table: "step_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialName",
                table: "executions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilledParametersJson",
                table: "executions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaybookHash",
                table: "executions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResumedAtStep",
                table: "executions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResumedAutomatically",
                table: "executions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ResumedFromId",
                table: "executions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_executions_ResumedFromId",
                table: "executions",
                column: "ResumedFromId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_executions_ResumedFromId",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "VariablesJson",
                table: "step_results");

            migrationBuilder.DropColumn(
                name: "CredentialName",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "FilledParametersJson",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "PlaybookHash",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "ResumedAtStep",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "ResumedAutomatically",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "ResumedFromId",
                table: "executions");
        }
    }
}
