using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IgnitionToolkit.Api.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialName",
                table: "executions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilledParametersJson",
                table: "executions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaybookHash",
                table: "executions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResumedAtStep",
                table: "executions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResumedAutomatically",
                table: "executions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ResumedFromId",
                table: "executions",
                type: "TEXT",
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
