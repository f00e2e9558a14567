using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartKiosk.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkItemRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "work_items",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotBefore",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Topic_CompletedAt_NotBefore",
                table: "work_items",
                columns: new[] { "Topic", "CompletedAt", "NotBefore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_Topic_CompletedAt_NotBefore",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "NotBefore",
                table: "work_items");
        }
    }
}
