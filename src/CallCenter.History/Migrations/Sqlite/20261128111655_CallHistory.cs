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
                name: "agent_days",
                columns: table => new
                {
                    seat_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    agent = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    spans = table.Column<int>(type: "INTEGER", nullable: false),
                    missed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_days", x => new { x.seat_id, x.day, x.agent, x.state, x.reason });
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

            migrationBuilder.CreateTable(
                name: "corrections",
                columns: table => new
                {
                    correction_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    call_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    agent = table.Column<string>(type: "TEXT", nullable: false),
                    caller = table.Column<string>(type: "TEXT", nullable: false),
                    at_seconds = table.Column<double>(type: "REAL", nullable: false),
                    wrong_answer = table.Column<string>(type: "TEXT", nullable: false),
                    correct_answer = table.Column<string>(type: "TEXT", nullable: false),
                    policy_reference = table.Column<string>(type: "TEXT", nullable: true),
                    marked_by = table.Column<string>(type: "TEXT", nullable: false),
                    marked_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    callback_due_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrections", x => x.correction_id);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_scores",
                columns: table => new
                {
                    evaluation_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    call_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    agent = table.Column<string>(type: "TEXT", nullable: false),
                    team = table.Column<string>(type: "TEXT", nullable: true),
                    total = table.Column<double>(type: "REAL", nullable: false),
                    critical_failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    question_percent = table.Column<string>(type: "TEXT", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_scores", x => x.evaluation_id);
                });

            migrationBuilder.CreateTable(
                name: "recorded_calls",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    agent = table.Column<string>(type: "TEXT", nullable: false),
                    queue = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    longest_dead_air_seconds = table.Column<double>(type: "REAL", nullable: false),
                    over_talk_seconds = table.Column<double>(type: "REAL", nullable: false),
                    survey_score = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recorded_calls", x => x.call_id);
                });

            migrationBuilder.CreateTable(
                name: "vetoes",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    person = table.Column<string>(type: "TEXT", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetoes", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "work_orders",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    call_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    opened_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_orders", x => x.order_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agent_activity_day_agent",
                table: "agent_activity",
                columns: new[] { "day", "agent" });

            migrationBuilder.CreateIndex(
                name: "IX_agent_days_day_agent",
                table: "agent_days",
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
                name: "ix_call_records_overflowed",
                table: "call_records",
                column: "entered_utc_ticks",
                filter: "queues <> queue");

            migrationBuilder.CreateIndex(
                name: "IX_call_records_queue_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "queue", "ended_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_seat_id_ended_utc_ticks",
                table: "call_records",
                columns: new[] { "seat_id", "ended_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_corrections_callback_due_utc_ticks",
                table: "corrections",
                column: "callback_due_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_corrections_status_callback_due_utc_ticks",
                table: "corrections",
                columns: new[] { "status", "callback_due_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_scores_call_id",
                table: "evaluation_scores",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_scores_month",
                table: "evaluation_scores",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "IX_recorded_calls_week",
                table: "recorded_calls",
                column: "week");

            migrationBuilder.CreateIndex(
                name: "IX_vetoes_month",
                table: "vetoes",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "IX_work_orders_call_id",
                table: "work_orders",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "IX_work_orders_closed_opened_utc_ticks",
                table: "work_orders",
                columns: new[] { "closed", "opened_utc_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_work_orders_month_opened_utc_ticks",
                table: "work_orders",
                columns: new[] { "month", "opened_utc_ticks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_activity");

            migrationBuilder.DropTable(
                name: "agent_days");

            migrationBuilder.DropTable(
                name: "call_records");

            migrationBuilder.DropTable(
                name: "corrections");

            migrationBuilder.DropTable(
                name: "evaluation_scores");

            migrationBuilder.DropTable(
                name: "recorded_calls");

            migrationBuilder.DropTable(
                name: "vetoes");

            migrationBuilder.DropTable(
                name: "work_orders");
        }
    }
}
