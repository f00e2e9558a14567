using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartKiosk.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserTaskScopeLabelsDueSoon : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueSoonAt",
                table: "user_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "user_tasks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "user_task_labels",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_task_labels", x => new { x.TaskId, x.Name, x.Value });
                    table.ForeignKey(
                        name: "FK_user_task_labels_user_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "user_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_user_tasks_Scope_Status_DueAt",
                table: "user_tasks",
                columns: new[] { "Scope", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_user_task_labels_Name_Value",
                table: "user_task_labels",
                columns: new[] { "Name", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_task_labels");

            migrationBuilder.DropIndex(
                name: "IX_user_tasks_Scope_Status_DueAt",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "DueSoonAt",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "user_tasks");
        }
    }
}
