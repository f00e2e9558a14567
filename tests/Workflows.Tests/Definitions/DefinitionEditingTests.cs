using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Definitions;

/// <summary>
/// What the designer needs from the store beyond drafts and publishing: saving against the revision it loaded, deleting a
/// draft, retracting (distinct from a superseded version) and importing a document from elsewhere. SQLite and PostgreSQL.
/// </summary>
public abstract class DefinitionEditingTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_save_against_an_old_revision_is_refused_and_keeps_the_other_editors_change()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        var first = await store.SaveDraftAsync(flow.Build(), "admin", expectedRevision: null, Ct);

        var mine = WorkflowJson.Deserialize(WorkflowJson.Serialize(flow.Build()));
        mine.Name = "Mine";
        var theirs = WorkflowJson.Deserialize(WorkflowJson.Serialize(flow.Build()));
        theirs.Name = "Theirs";
        var saved = await store.SaveDraftAsync(theirs, "admin2", first.Revision, Ct);
        var refused = await Assert.ThrowsAsync<DefinitionStoreException>(() => store.SaveDraftAsync(mine, "admin", first.Revision, Ct));

        Assert.False(refused.NotFound);
        Assert.Contains("changed by someone else", refused.Message);
        Assert.NotEqual(first.Revision, saved.Revision);
        Assert.Equal("Theirs", (await store.GetAsync(flow.Id, null, Ct))!.Name);
        Assert.Equal("Mine", (await store.SaveDraftAsync(mine, "admin", saved.Revision, Ct)).Name);
    }

    [Fact]
    public async Task A_revision_loaded_before_someone_else_started_a_new_draft_never_matches_it()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        var loaded = (await store.ListVersionsAsync(flow.Id, Ct)).Single(v => v.IsLatest).Revision;

        // Someone else starts draft v2 and saves it as often as it takes to reach the number the first editor holds.
        var theirs = WorkflowJson.Deserialize(WorkflowJson.Serialize(flow.Build()));
        theirs.Name = "Theirs";
        var draft = await store.SaveDraftAsync(theirs, "admin2", Ct);
        for (var i = 0; i < 4 && draft.Revision < loaded; i++)
        {
            draft = await store.SaveDraftAsync(theirs, "admin2", Ct);
        }

        Assert.True(draft.Revision > loaded, $"a new latest version starts above the one before ({draft.Revision} vs {loaded})");
        await Assert.ThrowsAsync<DefinitionStoreException>(() => store.SaveDraftAsync(WithName(flow.Build(), "Mine"), "admin", loaded, Ct));
        await Assert.ThrowsAsync<DefinitionStoreException>(() => store.PublishAsync(flow.Id, "admin", loaded, Ct));

        var back = await store.DeleteDraftAsync(flow.Id, "admin2", Ct);
        Assert.True(back!.Revision > draft.Revision, "the version that becomes the latest again gets a revision never seen before");
        await Assert.ThrowsAsync<DefinitionStoreException>(() => store.SaveDraftAsync(WithName(flow.Build(), "Mine"), "admin", draft.Revision, Ct));
        Assert.Equal($"Test {flow.Id}", (await store.GetAsync(flow.Id, null, Ct))!.Name);
    }

    [Fact]
    public async Task Publishing_against_the_revision_that_was_shown_publishes_exactly_that()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        var shown = await store.SaveDraftAsync(flow.Build(), "admin", Ct);
        await store.SaveDraftAsync(WithName(flow.Build(), "Changed after the confirmation"), "admin2", Ct);

        var refused = await Assert.ThrowsAsync<DefinitionStoreException>(() => store.PublishAsync(flow.Id, "admin", shown.Revision, Ct));

        Assert.Contains("changed by someone else", refused.Message);
        Assert.DoesNotContain(await store.ListVersionsAsync(flow.Id, Ct), v => v.State == DefinitionVersionState.Published);
        var current = (await store.ListVersionsAsync(flow.Id, Ct)).Single();
        Assert.Equal(DefinitionVersionState.Published, (await store.PublishAsync(flow.Id, "admin", current.Revision, Ct)).State);
    }

    [Fact]
    public async Task Expecting_a_new_definition_refuses_an_existing_id()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.Definitions.SaveDraftAsync(flow.Build(), "admin", Ct);

        var refused = await Assert.ThrowsAsync<DefinitionStoreException>(() => _engine.Definitions.SaveDraftAsync(flow.Build(), "admin", expectedRevision: null, Ct));

        Assert.Contains("already exists", refused.Message);
    }

    [Fact]
    public async Task Deleting_the_draft_brings_back_the_published_version_as_the_latest_and_is_audited()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        var changed = flow.Build();
        changed.Name = "Half done";
        var shown = await store.SaveDraftAsync(changed, "admin", Ct);
        Assert.Equal(2, shown.Version);

        // Another administrator saves the draft after this one's list was drawn: the stale delete keeps it.
        changed.Name = "More done";
        var saved = await store.SaveDraftAsync(changed, "admin2", Ct);
        var stale = await Assert.ThrowsAsync<DefinitionStoreException>(() => store.DeleteDraftAsync(flow.Id, "admin", Ct, shown.Revision));
        Assert.Contains("was changed since", stale.Message);
        Assert.Equal("More done", (await store.GetAsync(flow.Id, null, Ct))!.Name);

        var latest = await store.DeleteDraftAsync(flow.Id, "admin", Ct, saved.Revision);

        Assert.Equal((1, DefinitionVersionState.Published, true), (latest!.Version, latest.State, latest.IsLatest));
        Assert.Equal([1], (await store.ListVersionsAsync(flow.Id, Ct)).Select(v => v.Version));
        Assert.Equal($"Test {flow.Id}", (await store.GetAsync(flow.Id, null, Ct))!.Name);
        Assert.Equal("definition.draft-deleted", (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct))[^1].Action);
        var nothingToDelete = await Assert.ThrowsAsync<DefinitionStoreException>(() => store.DeleteDraftAsync(flow.Id, "admin", Ct));
        Assert.Contains("no draft to delete", nothingToDelete.Message);

        Assert.Equal(2, (await store.SaveDraftAsync(changed, "admin", Ct)).Version);
    }

    [Fact]
    public async Task Deleting_the_only_draft_removes_the_definition()
    {
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.Definitions.SaveDraftAsync(flow.Build(), "admin", Ct);

        Assert.Null(await _engine.Definitions.DeleteDraftAsync(flow.Id, "admin", Ct));

        Assert.Empty(await _engine.Definitions.ListVersionsAsync(flow.Id, Ct));
        Assert.DoesNotContain(await _engine.Definitions.ListAsync(Ct), v => v.DefinitionId == flow.Id);
        await Assert.ThrowsAsync<DefinitionStoreException>(() => _engine.Definitions.DeleteDraftAsync(flow.Id, "admin", Ct));
    }

    [Fact]
    public async Task Retracting_is_told_apart_from_being_superseded()
    {
        var store = _engine.Definitions;
        var flow = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(flow.Build());
        await store.SaveDraftAsync(flow.Build(), "admin", Ct);
        await store.PublishAsync(flow.Id, "admin", Ct);

        await store.RetractAsync(flow.Id, "admin", Ct);

        Assert.Equal(
            [(2, DefinitionVersionState.Retracted), (1, DefinitionVersionState.Retired)],
            (await store.ListVersionsAsync(flow.Id, Ct)).Select(v => (v.Version, v.State)));
    }

    [Fact]
    public async Task An_unfinished_draft_can_be_imported_and_is_audited_as_an_import()
    {
        var flow = New().Add("wait", "WaitForSignal").Connect("start", "wait");

        var imported = await _engine.Definitions.ImportAsync(flow.Build(), "admin", Ct);

        Assert.Equal((1, DefinitionVersionState.Draft), (imported.Version, imported.State));
        Assert.Contains(imported.Problems, p => p.Code == "required-input");
        Assert.Equal(["definition.imported"], (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Select(e => e.Action));
    }

    public static TheoryData<string> ForeignDocuments => ["unknown-type", "unknown-port", "dangling-connection", "loop-without-exit", "existing-id"];

    [Theory]
    [MemberData(nameof(ForeignDocuments))]
    public async Task A_foreign_document_is_refused_and_nothing_is_stored_or_overwritten(string kind)
    {
        var existing = New().Add("end", "End").Connect("start", "end");
        await _engine.PublishAsync(existing.Build());
        var flow = kind switch
        {
            "unknown-type" => New().Add("x", "Shell.Execute").Connect("start", "x"),
            "unknown-port" => New().Add("end", "End").Connect("start", "end", port: "Sideways"),
            "dangling-connection" => New().Add("end", "End").Connect("start", "end").Connect("end", "nowhere"),
            "loop-without-exit" => New().Add("a", "SetVariable", Set("n", "1")).Add("b", "SetVariable", Set("n", "2")).Variable("n")
                .Connect("start", "a").Connect("a", "b").Connect("b", "a"),
            _ => existing,
        };
        var definition = kind == "existing-id" ? WithName(existing.Build(), "Replaced") : flow.Build();
        var before = await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct);

        Exception refused = kind == "existing-id"
            ? await Assert.ThrowsAsync<DefinitionStoreException>(() => _engine.Definitions.ImportAsync(definition, "admin", Ct))
            : await Assert.ThrowsAsync<DefinitionValidationException>(() => _engine.Definitions.ImportAsync(definition, "admin", Ct));

        if (refused is DefinitionValidationException invalid)
        {
            Assert.Contains(invalid.Errors, e => e.Code == kind);
            Assert.Empty(await _engine.Definitions.ListVersionsAsync(flow.Id, Ct));
        }
        else
        {
            Assert.Equal($"Test {existing.Id}", (await _engine.Definitions.GetAsync(existing.Id, null, Ct))!.Name);
            Assert.Single(await _engine.Definitions.ListVersionsAsync(existing.Id, Ct));
        }

        Assert.Equal(before.Count, (await _engine.Audit.ReadAsync(AuditSubjects.Definition, flow.Id, Ct)).Count);
    }

    private static WorkflowDefinition WithName(WorkflowDefinition definition, string name)
    {
        var copy = WorkflowJson.Deserialize(WorkflowJson.Serialize(definition));
        copy.Name = name;
        return copy;
    }
}

public sealed class SqliteDefinitionEditingTests(SqliteDatabaseFixture<SqliteDefinitionEditingTests> database)
    : DefinitionEditingTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteDefinitionEditingTests>>;

public sealed class PostgreSqlDefinitionEditingTests(PostgresDatabaseFixture<PostgreSqlDefinitionEditingTests> database)
    : DefinitionEditingTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlDefinitionEditingTests>>;
