using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartKiosk.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_user_tasks_CreatedAt",
                table: "user_tasks",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_user_tasks_CreatedAt",
                table: "user_tasks");
        }
    }
}
