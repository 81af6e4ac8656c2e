using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.History.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_lines",
                columns: table => new
                {
                    day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    line_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    previous = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_lines", x => new { x.day, x.seq });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_lines_line_id",
                table: "audit_lines",
                column: "line_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_lines");
        }
    }
}
