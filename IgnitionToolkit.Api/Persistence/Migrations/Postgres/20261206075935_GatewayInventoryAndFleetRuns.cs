using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IgnitionToolkit.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GatewayInventoryAndFleetRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FleetRunId",
                table: "executions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fleet_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaybookPath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    PlaybookName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ParametersJson = table.Column<string>(type: "text", nullable: false),
                    SelectionJson = table.Column<string>(type: "text", nullable: false),
                    MaxParallel = table.Column<int>(type: "integer", nullable: false),
                    StopAfterFailures = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StopReason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fleet_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gateways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Description = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    TagsJson = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    CredentialName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ConcurrencyLimit = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gateways", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fleet_run_gateways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FleetRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    GatewayId = table.Column<Guid>(type: "uuid", nullable: false),
                    GatewayName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    GatewayUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    CredentialName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ConcurrencyLimit = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExecutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedStep = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Error = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fleet_run_gateways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fleet_run_gateways_executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_fleet_run_gateways_fleet_runs_FleetRunId",
                        column: x => x.FleetRunId,
                        principalTable: "fleet_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_executions_FleetRunId",
                table: "executions",
                column: "FleetRunId");

            migrationBuilder.CreateIndex(
                name: "IX_fleet_run_gateways_ExecutionId",
                table: "fleet_run_gateways",
                column: "ExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_fleet_run_gateways_FleetRunId_Order",
                table: "fleet_run_gateways",
                columns: new[] { "FleetRunId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fleet_run_gateways_GatewayId_Status",
                table: "fleet_run_gateways",
                columns: new[] { "GatewayId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_fleet_runs_CreatedAt",
                table: "fleet_runs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_fleet_runs_Status",
                table: "fleet_runs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_gateways_Name",
                table: "gateways",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fleet_run_gateways");

            migrationBuilder.DropTable(
                name: "gateways");

            migrationBuilder.DropTable(
                name: "fleet_runs");

            migrationBuilder.DropIndex(
                name: "IX_executions_FleetRunId",
                table: "executions");

            migrationBuilder.DropColumn(
                name: "FleetRunId",
                table: "executions");
        }
    }
}
