using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartKiosk.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Timers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "bookmarks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_DueAt",
                table: "bookmarks",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookmarks_DueAt",
                table: "bookmarks");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "bookmarks");
        }
    }
}
