using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IgnitionToolkit.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduleFleetTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FleetTargetJson",
                table: "schedules",
                type: "TEXT",
                maxLength: 8192,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FleetRunId",
                table: "schedule_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ScheduleId",
                table: "fleet_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_fleet_runs_ScheduleId_Status",
                table: "fleet_runs",
                columns: new[] { "ScheduleId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fleet_runs_ScheduleId_Status",
                table: "fleet_runs");

            migrationBuilder.DropColumn(
                name: "FleetTargetJson",
                table: "schedules");

            migrationBuilder.DropColumn(
                name: "FleetRunId",
                table: "schedule_runs");

            migrationBuilder.DropColumn(
                name: "ScheduleId",
                table: "fleet_runs");
        }
    }
}
