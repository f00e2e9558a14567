using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Designer.Tests.Flows;

/// <summary>Auto-layout: left to right by longest path, loops broken at their back edge, branches in port order.</summary>
public sealed class FlowLayoutTests
{
    private static (FlowEditor Editor, Dictionary<string, string> Ids) Diamond()
    {
        var definition = new WorkflowDefinition { DefinitionId = "layout", Name = "Layout" };
        definition.Root.Activities.Add(new ActivityNode { Id = "start", Type = "Start" });
        var editor = new FlowEditor(definition, Registry.Instance);
        var ids = new Dictionary<string, string>
        {
            ["match"] = editor.Add("MatchFace", new FlowPoint(900, 900)).Id,
            ["yes"] = editor.Add("Log", new FlowPoint(5, 5)).Id,
            ["no"] = editor.Add("Log", new FlowPoint(5, 5)).Id,
            ["end"] = editor.Add("End", new FlowPoint(5, 5)).Id,
        };
        editor.Connect("start", "Done", ids["match"]);
        editor.Connect(ids["match"], "Match", ids["yes"]);
        editor.Connect(ids["match"], "NoMatch", ids["no"]);
        editor.Connect(ids["yes"], "Done", ids["end"]);
        editor.Connect(ids["no"], "Done", ids["end"]);
        editor.Connect(ids["no"], "Done", ids["match"]);
        return (editor, ids);
    }

    [Fact]
    public void Columns_follow_the_longest_path_from_Start_and_a_loop_does_not_push_nodes_right()
    {
        var (editor, ids) = Diamond();

        editor.Layout();

        double X(string key) => FlowEditor.PositionOf(editor.Find(key == "start" ? "start" : ids[key])!)!.Value.X;
        Assert.Equal(
            [0, 1, 2, 2, 3],
            new[] { X("start"), X("match"), X("yes"), X("no"), X("end") }.Select(x => (int)((x - FlowLayout.Margin) / FlowLayout.ColumnWidth)));
    }

    [Fact]
    public void Branches_are_stacked_in_port_order_without_overlapping_and_layout_is_one_undo_step()
    {
        var (editor, ids) = Diamond();

        editor.Layout();

        var yes = FlowEditor.PositionOf(editor.Find(ids["yes"])!)!.Value;
        var no = FlowEditor.PositionOf(editor.Find(ids["no"])!)!.Value;
        Assert.True(yes.Y < no.Y, "the Match branch is drawn above the NoMatch branch");
        Assert.True(no.Y - yes.Y >= FlowLayout.NodeHeight(1), "nodes in a column do not overlap");
        editor.Undo();
        Assert.Equal(new FlowPoint(900, 900), FlowEditor.PositionOf(editor.Find(ids["match"])!));
    }

    [Fact]
    public void A_long_chain_is_laid_out_without_deep_recursion()
    {
        var definition = new WorkflowDefinition { DefinitionId = "chain", Name = "Chain" };
        definition.Root.Activities.Add(new ActivityNode { Id = "start", Type = "Start" });
        var editor = new FlowEditor(definition, Registry.Instance);
        var previous = "start";
        for (var i = 0; i < 400; i++)
        {
            var id = editor.Add("Log", default).Id;
            editor.Connect(previous, "Done", id);
            previous = id;
        }

        editor.Layout();

        Assert.Equal(FlowLayout.Margin + (400 * FlowLayout.ColumnWidth), FlowEditor.PositionOf(editor.Find(previous)!)!.Value.X);
    }
}
