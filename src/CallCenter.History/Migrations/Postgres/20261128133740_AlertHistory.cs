using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.History.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    alert_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    args = table.Column<string>(type: "text", nullable: true),
                    cleared_utc_ticks = table.Column<long>(type: "bigint", nullable: true),
                    acknowledged_by = table.Column<string>(type: "text", nullable: true),
                    acknowledged_utc_ticks = table.Column<long>(type: "bigint", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    department = table.Column<string>(type: "text", nullable: true),
                    queues = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_history", x => new { x.alert_key, x.raised_utc_ticks });
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_history_raised_utc_ticks",
                table: "alert_history",
                column: "raised_utc_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_history");
        }
    }
}
