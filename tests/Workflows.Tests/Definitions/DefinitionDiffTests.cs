using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Serialization;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Definitions;

/// <summary>The publish confirmation's list of changes: behaviour only, layout left out.</summary>
public sealed class DefinitionDiffTests
{
    private static WorkflowDefinition Published() =>
        New("diff").Variable("n", 1)
            .Add("match", "MatchFace", Lit("AcceptBelow", 0.5), Lit("ReviewBelow", 0.55))
            .Add("old", "End")
            .Add("end", "End")
            .Connect("start", "match").Connect("match", "end", "Verified").Connect("match", "old", "Mismatch")
            .Build();

    [Fact]
    public void Identical_definitions_and_moved_nodes_show_no_change()
    {
        var moved = Copy(Published());
        moved.Root.Activities[1].Metadata = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 400, ["y"] = 80 } } };

        Assert.Empty(DefinitionDiff.Compare(Published(), moved));
    }

    [Fact]
    public void Every_kind_of_change_is_listed_with_what_it_was_and_what_it_is()
    {
        var latest = Copy(Published());
        latest.Name = "Renamed";
        latest.Root.Activities.Single(a => a.Id == "match").Inputs["AcceptBelow"] = InputExpression.Literal(0.01);
        latest.Root.Activities.Single(a => a.Id == "match").Inputs["ReviewBelow"] = InputExpression.JavaScript("variables.n > 0 ? 1.9 : 0.55");
        latest.Root.Activities.RemoveAll(a => a.Id == "old");
        latest.Root.Connections.RemoveAll(c => c.Target.Activity == "old");
        latest.Root.Activities.Add(new ActivityNode { Id = "review", Type = "End", DisplayName = "To review" });
        latest.Root.Connections.Add(new Connection { Source = new Endpoint { Activity = "match", Port = "Mismatch" }, Target = new Endpoint { Activity = "review", Port = "In" } });
        latest.Variables[0].IsPersonalData = true;

        var changes = DefinitionDiff.Compare(Published(), latest);

        Assert.Equivalent(
            new DefinitionChange[]
            {
                new(DefinitionChangeKind.NameChanged, Before: "Test diff", After: "Renamed"),
                new(DefinitionChangeKind.ActivityAdded, "review", "End", After: "To review"),
                new(DefinitionChangeKind.ActivityRemoved, "old", "End", Before: null),
                new(DefinitionChangeKind.InputChanged, "match", "AcceptBelow", "0.5", "0.01"),
                new(DefinitionChangeKind.InputChanged, "match", "ReviewBelow", "0.55", "JavaScript: variables.n > 0 ? 1.9 : 0.55"),
                new(DefinitionChangeKind.ConnectionAdded, "match", "Mismatch", After: "review"),
                new(DefinitionChangeKind.ConnectionRemoved, "match", "Mismatch", Before: "old"),
                new(DefinitionChangeKind.VariableChanged, Name: "n", Before: "json = 1", After: "json, personal = 1"),
            },
            changes,
            strict: true);
    }

    [Fact]
    public void Against_nothing_every_activity_is_new_and_long_values_are_cut()
    {
        var latest = Copy(Published());
        latest.Root.Activities.Single(a => a.Id == "match").Inputs["AcceptBelow"] = InputExpression.JavaScript(new string('x', 5000));

        var changes = DefinitionDiff.Compare(null, latest);

        Assert.Equal(4, changes.Count(c => c.Kind == DefinitionChangeKind.ActivityAdded));
        Assert.DoesNotContain(changes, c => c.Kind == DefinitionChangeKind.InputChanged);
        Assert.True(DefinitionDiff.Describe(latest.Root.Activities.Single(a => a.Id == "match").Inputs["AcceptBelow"]).Length < 320);
    }

    private static WorkflowDefinition Copy(WorkflowDefinition definition) => WorkflowJson.Deserialize(WorkflowJson.Serialize(definition));
}
