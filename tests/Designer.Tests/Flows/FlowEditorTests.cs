using System.Text.Json.Nodes;
using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Designer.Tests.Flows;

/// <summary>The editing rules of the canvas and the property panel, without a browser.</summary>
public sealed class FlowEditorTests
{
    private static FlowEditor NewEditor()
    {
        var definition = new WorkflowDefinition { DefinitionId = "edit", Name = "Edit" };
        definition.Root.Activities.Add(new ActivityNode { Id = "start", Type = "Start" });
        return new FlowEditor(definition, Registry.Instance);
    }

    [Fact]
    public void Added_activities_get_readable_unique_ids_their_position_and_required_defaults()
    {
        var editor = NewEditor();

        var first = editor.Add("MatchFace", new FlowPoint(300, 40));
        var second = editor.Add("MatchFace", new FlowPoint(300, 240));

        Assert.Equal(("matchFace1", "matchFace2"), (first.Id, second.Id));
        Assert.Equal(new FlowPoint(300, 240), FlowEditor.PositionOf(editor.Find("matchFace2")!));
        Assert.Equal(["Match", "NoMatch", "Inconclusive"], editor.PortsOf(first));
        Assert.Throws<ArgumentException>(() => editor.Add("Shell.Execute", default));
    }

    [Fact]
    public void Connections_only_go_from_an_existing_outcome_port_to_another_activity_that_is_not_Start()
    {
        var editor = NewEditor();
        var match = editor.Add("MatchFace", default);
        var end = editor.Add("End", default);

        Assert.Equal(ConnectRefusal.None, editor.Connect("start", "Done", match.Id));
        Assert.Equal(ConnectRefusal.None, editor.Connect(match.Id, "Match", end.Id));
        Assert.Equal(ConnectRefusal.Duplicate, editor.Connect(match.Id, "Match", end.Id));
        Assert.Equal(ConnectRefusal.UnknownPort, editor.Connect(match.Id, "Sideways", end.Id));
        Assert.Equal(ConnectRefusal.SameActivity, editor.Connect(match.Id, "NoMatch", match.Id));
        Assert.Equal(ConnectRefusal.IntoStart, editor.Connect(match.Id, "NoMatch", "start"));
        Assert.Equal(ConnectRefusal.UnknownActivity, editor.Connect(match.Id, "NoMatch", "nowhere"));
        Assert.Equal([new FlowConnection("start", "Done", match.Id), new FlowConnection(match.Id, "Match", end.Id)], editor.Connections);
    }

    [Fact]
    public void Removing_an_activity_removes_its_connections_and_the_only_Start_stays()
    {
        var editor = NewEditor();
        var log = editor.Add("Log", default);
        var end = editor.Add("End", default);
        editor.Connect("start", "Done", log.Id);
        editor.Connect(log.Id, "Done", end.Id);

        editor.Remove(["start", log.Id], []);

        Assert.Equal(["start", end.Id], editor.Activities.Select(a => a.Id));
        Assert.Empty(editor.Connections);
    }

    [Fact]
    public void Every_edit_is_one_undo_step_and_redo_replays_it()
    {
        var editor = NewEditor();
        var original = WorkflowJson.Serialize(editor.Definition);
        var log = editor.Add("Log", new FlowPoint(10, 10));
        editor.Connect("start", "Done", log.Id);
        editor.Move(new Dictionary<string, FlowPoint> { ["start"] = new(0, 200), [log.Id] = new(300, 200) });
        var edited = WorkflowJson.Serialize(editor.Definition);
        Assert.True(editor.IsDirty);

        Assert.True(editor.Undo());
        Assert.Equal(new FlowPoint(10, 10), FlowEditor.PositionOf(editor.Find(log.Id)!));
        Assert.True(editor.Undo());
        Assert.True(editor.Undo());
        Assert.Equal(original, WorkflowJson.Serialize(editor.Definition));
        Assert.False(editor.IsDirty);
        Assert.False(editor.Undo());

        Assert.True(editor.Redo() && editor.Redo() && editor.Redo());
        Assert.Equal(edited, WorkflowJson.Serialize(editor.Definition));
        Assert.False(editor.CanRedo);

        editor.Undo();
        editor.Rename(log.Id, "Ghi nhật ký");
        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void Changing_a_switchs_cases_changes_its_ports_and_drops_connections_of_removed_cases()
    {
        var editor = NewEditor();
        var choose = editor.Add("Switch", default);
        var end = editor.Add("End", default);
        editor.SetInput(choose.Id, "Cases", InputExpression.Literal(JsonNode.Parse("""[{"label":"Adult","condition":"input.age >= 18"},{"label":"Minor","condition":"input.age < 18"}]""")));
        Assert.Equal(["Default", "Adult", "Minor"], editor.PortsOf(editor.Find(choose.Id)!));
        editor.Connect(choose.Id, "Adult", end.Id);
        editor.Connect(choose.Id, "Minor", end.Id);

        editor.SetInput(choose.Id, "Cases", InputExpression.Literal(JsonNode.Parse("""[{"label":"Adult","condition":"input.age >= 18"}]""")));

        Assert.Equal([new FlowConnection(choose.Id, "Adult", end.Id)], editor.Connections);
        editor.Undo();
        Assert.Equal(2, editor.Connections.Count());
    }

    [Fact]
    public void An_unreadable_case_list_leaves_the_fixed_ports()
    {
        var editor = NewEditor();
        var choose = editor.Add("Switch", default);

        editor.SetInput(choose.Id, "Cases", InputExpression.Literal("not a list"));

        Assert.Equal(["Default"], editor.PortsOf(editor.Find(choose.Id)!));
    }

    [Fact]
    public void Setting_the_same_value_again_is_not_an_edit()
    {
        var editor = NewEditor();
        var log = editor.Add("Log", default);
        editor.SetInput(log.Id, "Message", InputExpression.Liquid("{{ input.name }}"));
        var edits = 0;
        editor.Edited += _ => edits++;

        editor.SetInput(log.Id, "Message", InputExpression.Liquid("{{ input.name }}"));
        editor.Move(new Dictionary<string, FlowPoint> { [log.Id] = FlowEditor.PositionOf(editor.Find(log.Id)!)!.Value });

        Assert.Equal(0, edits);
    }
}
