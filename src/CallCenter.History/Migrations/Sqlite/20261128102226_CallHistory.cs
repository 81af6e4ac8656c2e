using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.History.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agent_activity",
                columns: table => new
                {
                    seat_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    from_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    to_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    agent = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    missed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_activity", x => new { x.seat_id, x.from_utc_ticks });
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    caller = table.Column<string>(type: "TEXT", nullable: false),
                    queue = table.Column<string>(type: "TEXT", nullable: false),
                    queues = table.Column<string>(type: "TEXT", nullable: false),
                    seat_id = table.Column<string>(type: "TEXT", nullable: true),
                    agent = table.Column<string>(type: "TEXT", nullable: true),
                    entered_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    offered_utc_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_utc_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    wait_seconds = table.Column<double>(type: "REAL", nullable: false),
                    talk_seconds = table.Column<double>(type: "REAL", nullable: false),
                    hold_seconds = table.Column<double>(type: "REAL", nullable: false),
                    wrap_up_seconds = table.Column<double>(type: "REAL", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    missed_offers = table.Column<int>(type: "INTEGER", nullable: false),
                    has_recording = table.Column<bool>(type: "INTEGER", nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_records", x => x.call_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agent_activity_day_agent",
                table: "agent_activity",
                columns: new[] { "day", "agent" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_agent_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "agent", "ended_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_caller_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "caller", "ended_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_day_agent",
                table: "call_records",
                columns: new[] { "day", "agent" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_ended_utc_ticks_call_id",
                table: "call_records",
                columns: new[] { "ended_utc_ticks", "call_id" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_entered_utc_ticks",
                table: "call_records",
                column: "entered_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_call_records_queue_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "queue", "ended_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_seat_id_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "seat_id", "ended_utc_ticks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_activity");

            migrationBuilder.DropTable(
                name: "call_records");
        }
    }
}
