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

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}

public sealed class SqliteDefinitionStoreTests(SqliteDatabaseFixture<SqliteDefinitionStoreTests> database)
    : DefinitionStoreTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteDefinitionStoreTests>>;

public sealed class PostgreSqlDefinitionStoreTests(PostgresDatabaseFixture<PostgreSqlDefinitionStoreTests> database)
    : DefinitionStoreTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlDefinitionStoreTests>>;
