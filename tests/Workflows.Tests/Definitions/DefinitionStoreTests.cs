using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Definitions;

/// <summary>Versions, bindings, the audit chain, and hostile definitions that must leave nothing behind.</summary>
public abstract class DefinitionStoreTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Drafts_versions_publish_retract_and_revert_follow_the_version_rules_and_are_audited()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        var store = _engine.Definitions;

        var draft = await store.SaveDraftAsync(flow.Build(), "admin", Ct);
        Assert.Equal((1, DefinitionVersionState.Draft), (draft.Version, draft.State));
        Assert.Equal(1, (await store.SaveDraftAsync(flow.Build(), "admin", Ct)).Version);
        Assert.Equal(DefinitionVersionState.Published, (await store.PublishAsync(flow.Id, "admin", Ct)).State);

        var changed = flow.Build();
        changed.Name = "Changed";
        Assert.Equal(2, (await store.SaveDraftAsync(changed, "admin", Ct)).Version);
        Assert.True((await store.GetAsync(flow.Id, 1, Ct))!.IsPublished);
        await store.PublishAsync(flow.Id, "admin", Ct);
        var versions = await store.ListVersionsAsync(flow.Id, Ct);
        Assert.Equal([(2, DefinitionVersionState.Published), (1, DefinitionVersionState.Retired)], versions.Select(v => (v.Version, v.State)));

        var reverted = await store.RevertAsync(flow.Id, 1, "admin", Ct);
        Assert.Equal(3, reverted.Version);
        Assert.Equal($"Test {flow.Id}", (await store.GetAsync(flow.Id, 3, Ct))!.Name);

        await store.RetractAsync(flow.Id, "admin", Ct);
        Assert.DoesNotContain(await store.ListVersionsAsync(flow.Id, Ct), v => v.State == DefinitionVersionState.Published);

        var trail = await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct);
        Assert.Equal(
            ["definition.draft-saved", "definition.draft-saved", "definition.published", "definition.draft-saved", "definition.published", "definition.draft-saved", "definition.reverted", "definition.retracted"],
            trail.Select(e => e.Action));
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Definition, flow.Id, Ct)).IsIntact);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_fails_and_keeps_the_published_version()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        var broken = flow.Build();
        broken.Root.Connections.Clear();
        await _engine.Definitions.SaveDraftAsync(broken, "admin", Ct);

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => _engine.Definitions.PublishAsync(flow.Id, "admin", Ct));

        Assert.Contains(refused.Errors, e => e.Code == "unconnected-outcome" && e.ActivityId == "start" && e.Port == "Done");
        Assert.True((await _engine.Definitions.GetAsync(flow.Id, 1, Ct))!.IsPublished);
    }

    [Fact]
    public async Task Binding_needs_a_published_definition()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.Definitions.SaveDraftAsync(flow.Build(), "admin", Ct);

        Assert.False((await Assert.ThrowsAsync<DefinitionStoreException>(() => _engine.Definitions.SetBindingAsync("DIPLOMA", flow.Id, "admin", Ct))).NotFound);
        Assert.True((await Assert.ThrowsAsync<DefinitionStoreException>(() => _engine.Definitions.SetBindingAsync("DIPLOMA", "no-such-flow", "admin", Ct))).NotFound);

        await _engine.Definitions.PublishAsync(flow.Id, "admin", Ct);
        await _engine.Definitions.SetBindingAsync("DIPLOMA", flow.Id, "admin", Ct);
        Assert.Contains(await _engine.Definitions.ListBindingsAsync(Ct), b => b.Key == "DIPLOMA" && b.DefinitionId == flow.Id);
    }

    [Fact]
    public async Task Tampering_with_an_audit_entry_breaks_the_chain_from_that_entry()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        await using (var db = _engine.Db.Create())
        {
            var first = await db.AuditEntries.SingleAsync(e => e.SubjectType == AuditSubjects.Definition && e.SubjectId == flow.Id && e.Sequence == 1);
            first.Actor = "someone-else";
            await db.SaveChangesAsync();
        }

        var verification = await _engine.Audit.VerifyAsync(AuditSubjects.Definition, flow.Id, Ct);

        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_subject_keep_one_unbroken_chain()
    {
        var subject = "dossier-" + Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
            _engine.Audit.AppendAsync(new AuditEvent(AuditSubjects.Dossier, subject, "dossier.step", $"node-{i}"), Ct))));

        var trail = await _engine.Audit.ReadAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), trail.Select(e => e.Sequence));
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct)).IsIntact);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("too-large")]
    [InlineData("too-deep")]
    public async Task Unreadable_definitions_are_refused_with_a_reason_before_anything_is_stored(string code)
    {
        var id = "hostile-" + code;
        var json = code switch
        {
            "malformed" => "{\"definitionId\": \"" + id + "\", \"name\": ",
            "too-large" => "{\"definitionId\":\"" + id + "\",\"name\":\"" + new string('x', 50 * 1024 * 1024) + "\"}",
            _ => "{\"definitionId\":\"" + id + "\",\"name\":\"n\",\"metadata\":{\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}}",
        };

        var viaString = Assert.Throws<DefinitionFormatException>(() => WorkflowJson.Deserialize(json));
        await using var stream = new CountingStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var viaStream = await Assert.ThrowsAsync<DefinitionFormatException>(() => WorkflowJson.DeserializeAsync(stream, Ct));

        Assert.Equal(code, viaString.Code);
        Assert.Equal(code, viaStream.Code);
        Assert.True(stream.BytesRead <= WorkflowJson.DefaultMaxBytes + 81920, $"read {stream.BytesRead} bytes of a {json.Length}-byte body");
        if (code == "malformed")
        {
            Assert.Contains("line 1", viaString.Message);
        }

        Assert.Empty(await _engine.Definitions.ListVersionsAsync(id, Ct));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("displayName")]
    [InlineData("id")]
    public async Task Script_in_names_is_refused_and_nothing_is_stored(string where)
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        var definition = flow.Build();
        switch (where)
        {
            case "name": definition.Name = "<script>alert(1)</script>"; break;
            case "displayName": definition.Root.Activities[0].DisplayName = "<img src=x onerror=alert(1)>"; break;
            default: definition.Root.Activities[0].Id = "\"><script>alert(1)</script>"; break;
        }

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => _engine.Definitions.SaveDraftAsync(definition, "admin", Ct));

        Assert.Contains(refused.Errors, e => e.Code == (where == "id" ? "activity-id" : "unsafe-text"));
        Assert.Empty(await _engine.Definitions.ListVersionsAsync(flow.Id, Ct));
        Assert.Empty(await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct));
    }

    [Fact]
    public async Task A_draft_lists_the_problems_that_would_stop_publishing_and_is_updated_in_place()
    {
        var store = _engine.Definitions;
        var flow = New()
            .Add("decide", "Decision", Js("Condition", "input.pages > 10"))
            .Add("end", "End")
            .Connect("start", "decide").Connect("decide", "end", "True");

        var incomplete = await store.SaveDraftAsync(flow.Build(), "admin", Ct);

        Assert.Equal((1, DefinitionVersionState.Draft, true), (incomplete.Version, incomplete.State, incomplete.IsLatest));
        var problem = Assert.Single(incomplete.Problems);
        Assert.Equal(("unconnected-outcome", "decide", "False"), (problem.Code, problem.ActivityId, problem.Port));
        Assert.Equal(incomplete.Problems, Assert.Single(await store.ListVersionsAsync(flow.Id, Ct)).Problems);

        var complete = await store.SaveDraftAsync(flow.Connect("decide", "end", "False").Build(), "admin", Ct);

        Assert.Equal((incomplete.Id, 1), (complete.Id, complete.Version));
        Assert.Empty(complete.Problems);
        Assert.Equal(2, (await store.GetAsync(flow.Id, 1, Ct))!.Root.Connections.Count(c => c.Source.Activity == "decide"));
        Assert.Equal(["definition.draft-saved", "definition.draft-saved"], (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task Revert_makes_an_exact_copy_of_the_earlier_content_as_a_new_draft()
    {
        var store = _engine.Definitions;
        var original = New().Variable("fee", 2000)
            .Add("wait", "WaitForSignal", Signal("scan-complete"))
            .Add("log", "Log", Liquid("Message", "Hồ sơ {{ correlationId }}: {{ variables.fee }} đồng"))
            .Add("end", "End")
            .Chain("start", "wait", "log", "end")
            .Build();
        original.Description = "Bản gốc";
        original.Root.Activities[1].DisplayName = "Chờ bản quét";
        original.Root.Activities[1].Metadata = new System.Text.Json.Nodes.JsonObject { ["designer"] = new System.Text.Json.Nodes.JsonObject { ["position"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 200, ["y"] = 120 } } };
        await _engine.PublishAsync(original);

        var changed = WorkflowJson.Deserialize(WorkflowJson.Serialize(original));
        changed.Name = "Changed";
        changed.Variables[0].Default = 5000;
        changed.Root.Activities.RemoveAt(2);
        changed.Root.Connections.RemoveAll(c => c.Source.Activity == "log" || c.Target.Activity == "log");
        changed.Root.Connections.Add(new() { Source = new() { Activity = "wait", Port = "Done" }, Target = new() { Activity = "end", Port = "In" } });
        await store.SaveDraftAsync(changed, "admin", Ct);
        await store.PublishAsync(original.DefinitionId, "admin", Ct);

        var reverted = await store.RevertAsync(original.DefinitionId, 1, "clerk-lead", Ct);

        Assert.Equal((3, DefinitionVersionState.Draft), (reverted.Version, reverted.State));
        Assert.Empty(reverted.Problems);
        var v1 = (await store.GetAsync(original.DefinitionId, 1, Ct))!;
        var v3 = (await store.GetAsync(original.DefinitionId, 3, Ct))!;
        Assert.Equal(Content(v1), Content(v3));
        Assert.Equal(Content(original), Content(v3));
        Assert.True((await store.GetAsync(original.DefinitionId, 2, Ct))!.IsPublished);
        Assert.Equal(
            [(3, DefinitionVersionState.Draft, true), (2, DefinitionVersionState.Published, false), (1, DefinitionVersionState.Retired, false)],
            (await store.ListVersionsAsync(original.DefinitionId, Ct)).Select(v => (v.Version, v.State, v.IsLatest)));
        var revertEntry = (await _engine.Audit.ReadAsync(AuditSubjects.Definition, original.DefinitionId, Ct))[^1];
        Assert.Equal(("definition.reverted", "clerk-lead", 1, 3), (revertEntry.Action, revertEntry.Actor, revertEntry.Data!["from"]!.GetValue<int>(), revertEntry.Data["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_refused_publish_changes_nothing_and_audits_nothing()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        await store.SaveDraftAsync(New(flow.Id).Add("decide", "Decision").Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True").Build(), "admin", Ct);
        var before = await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct);

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => store.PublishAsync(flow.Id, "admin", Ct));

        Assert.Contains(refused.Errors, e => e.Code == "required-input" && e.ActivityId == "decide" && e.Input == "Condition");
        Assert.Contains(refused.Errors, e => e.Code == "unconnected-outcome" && e.ActivityId == "decide" && e.Port == "False");
        Assert.Equal(
            [(2, DefinitionVersionState.Draft), (1, DefinitionVersionState.Published)],
            (await store.ListVersionsAsync(flow.Id, Ct)).Select(v => (v.Version, v.State)));
        Assert.Equal(before.Select(e => e.Hash), (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Select(e => e.Hash));
    }

    [Fact]
    public async Task Binding_is_audited_and_rebinding_moves_the_key()
    {
        var store = _engine.Definitions;
        var first = New().Add("end", "End").Connect("start", "end");
        var second = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(first.Build());
        await _engine.PublishAsync(second.Build());
        var key = "CCCD-" + first.Id;

        var bound = await store.SetBindingAsync(key, first.Id, "admin", Ct);
        await store.SetBindingAsync(key, second.Id, "lead", Ct);

        Assert.Equal((key, first.Id, "admin"), (bound.Key, bound.DefinitionId, bound.UpdatedBy));
        var binding = Assert.Single(await store.ListBindingsAsync(Ct), b => b.Key == key);
        Assert.Equal((second.Id, "lead"), (binding.DefinitionId, binding.UpdatedBy));
        var entry = (await _engine.Audit.ReadAsync(AuditSubjects.Definition, first.Id, Ct))[^1];
        Assert.Equal(("definition.bound", key), (entry.Action, entry.Data!["key"]!.GetValue<string>()));
        Assert.Equal("definition.bound", (await _engine.Audit.ReadAsync(AuditSubjects.Definition, second.Id, Ct))[^1].Action);
        Assert.Equal("binding-key", Assert.Single((await Assert.ThrowsAsync<DefinitionValidationException>(() => store.SetBindingAsync("bad key!", first.Id, "admin", Ct))).Errors).Code);
    }

    [Fact]
    public async Task Operations_on_missing_definitions_and_versions_say_not_found()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await store.SaveDraftAsync(flow.Build(), "admin", Ct);

        Assert.True((await Assert.ThrowsAsync<DefinitionStoreException>(() => store.PublishAsync("no-such-flow", "admin", Ct))).NotFound);
        Assert.True((await Assert.ThrowsAsync<DefinitionStoreException>(() => store.RevertAsync(flow.Id, 7, "admin", Ct))).NotFound);
        Assert.False((await Assert.ThrowsAsync<DefinitionStoreException>(() => store.RetractAsync(flow.Id, "admin", Ct))).NotFound);
        Assert.Null(await store.GetAsync(flow.Id, 2, Ct));
        Assert.Equal(["definition.draft-saved"], (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task Tampering_with_the_data_of_an_audit_entry_is_reported_at_that_entry()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        await store.SaveDraftAsync(flow.Build(), "admin", Ct);
        await store.PublishAsync(flow.Id, "admin", Ct);
        await store.SetBindingAsync("KEY-" + flow.Id, flow.Id, "admin", Ct);
        await store.RetractAsync(flow.Id, "admin", Ct);
        Assert.Equal(
            ["definition.draft-saved", "definition.published", "definition.draft-saved", "definition.published", "definition.bound", "definition.retracted"],
            (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Select(e => e.Action));
        Assert.Equal(new AuditChainVerification(true, 6, null, null), await _engine.Audit.VerifyAsync(AuditSubjects.Definition, flow.Id, Ct));

        await using (var db = _engine.Db.Create())
        {
            var published = await db.AuditEntries.SingleAsync(e => e.SubjectType == AuditSubjects.Definition && e.SubjectId == flow.Id && e.Sequence == 2);
            Assert.Equal("{\"version\":1}", published.DataJson);
            published.DataJson = "{\"version\":2}";
            await db.SaveChangesAsync();
        }

        Assert.Equal(new AuditChainVerification(false, 6, 2, "the entry was altered"), await _engine.Audit.VerifyAsync(AuditSubjects.Definition, flow.Id, Ct));
    }

    /// <summary>A definition's content as JSON, without the fields the store sets on read (version, published, latest).</summary>
    private static string Content(Models.WorkflowDefinition definition)
    {
        var copy = WorkflowJson.Deserialize(WorkflowJson.Serialize(definition));
        (copy.Version, copy.IsPublished, copy.IsLatest) = (0, false, false);
        return WorkflowJson.Serialize(copy);
    }

}

public sealed class SqliteDefinitionStoreTests(SqliteDatabaseFixture<SqliteDefinitionStoreTests> database)
    : DefinitionStoreTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteDefinitionStoreTests>>;

public sealed class PostgreSqlDefinitionStoreTests(PostgresDatabaseFixture<PostgreSqlDefinitionStoreTests> database)
    : DefinitionStoreTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlDefinitionStoreTests>>;
