using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartKiosk.Activities.Dossiers.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CreatedAt",
                table: "Dossiers",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CreatedAt",
                table: "Dossiers");
        }
    }
}
