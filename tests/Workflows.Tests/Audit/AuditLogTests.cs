using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Tests.Infrastructure;

namespace SmartKiosk.Workflows.Tests.Audit;

/// <summary>
/// The hash-chained audit log: one chain per subject, unbroken under concurrent writers, and any
/// change to a stored entry detectable. Runs on SQLite and PostgreSQL (subclasses below).
/// </summary>
public abstract class AuditLogTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>
    /// All writers are released at once, so they really do race for the same next sequence number. An
    /// audit append is part of a state change that already happened: it must not fail because others
    /// were appending to the same dossier at the same moment.
    /// </summary>
    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    public async Task Concurrent_appends_to_one_subject_get_consecutive_sequences_in_one_unbroken_chain(int count)
    {
        var subject = NewSubject();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(1, count).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await _engine.Audit.AppendAsync(new AuditEvent(AuditSubjects.Dossier, subject, "dossier.page-scanned", $"kiosk-{i}", new JsonObject { ["page"] = i }), Ct);
        })).ToList();

        go.SetResult();
        var appended = await Task.WhenAll(writers);

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), appended.Select(e => e.Sequence).Order());
        var chain = await _engine.Audit.ReadAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"kiosk-{i}").Order(StringComparer.Ordinal), chain.Select(e => e.Actor).Order(StringComparer.Ordinal));
        AssertLinked(chain);
        var verification = await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(new AuditChainVerification(true, count, null, null), verification);
    }

    [Fact]
    public async Task Different_subjects_have_independent_chains()
    {
        var a = NewSubject();
        var b = NewSubject();

        // Interleaved, and the same id under another subject type, which is another chain again.
        await Append(AuditSubjects.Dossier, a, "dossier.created");
        await Append(AuditSubjects.Dossier, b, "dossier.created");
        await Append(AuditSubjects.Dossier, a, "dossier.paid");
        await Append(AuditSubjects.Task, a, "task.created");
        await Append(AuditSubjects.Dossier, b, "dossier.paid");
        await Append(AuditSubjects.Dossier, a, "dossier.issued");

        var chainA = await _engine.Audit.ReadAsync(AuditSubjects.Dossier, a, Ct);
        var chainB = await _engine.Audit.ReadAsync(AuditSubjects.Dossier, b, Ct);
        var taskA = await _engine.Audit.ReadAsync(AuditSubjects.Task, a, Ct);
        Assert.Equal(["dossier.created", "dossier.paid", "dossier.issued"], chainA.Select(e => e.Action));
        Assert.Equal([1L, 2L, 3L], chainA.Select(e => e.Sequence));
        Assert.Equal([1L, 2L], chainB.Select(e => e.Sequence));
        Assert.Equal(1L, Assert.Single(taskA).Sequence);
        Assert.All([chainA[0], chainB[0], taskA[0]], first => Assert.Equal(Genesis, first.PreviousHash));
        AssertLinked(chainA);
        AssertLinked(chainB);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, a, Ct)).IsIntact);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, b, Ct)).IsIntact);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Task, a, Ct)).IsIntact);

        // Breaking one chain leaves the others intact.
        await Tamper(AuditSubjects.Dossier, b, 1, r => r.Action = "dossier.cancelled");
        Assert.False((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, b, Ct)).IsIntact);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, a, Ct)).IsIntact);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Task, a, Ct)).IsIntact);
    }

    [Fact]
    public async Task Concurrent_appends_to_different_subjects_each_start_their_own_chain()
    {
        var subjects = Enumerable.Range(0, 8).Select(_ => NewSubject()).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = subjects.Select(s => Task.Run(async () =>
        {
            await go.Task;
            return await _engine.Audit.AppendAsync(new AuditEvent(AuditSubjects.Dossier, s, "dossier.created", "kiosk"), Ct);
        })).ToList();

        go.SetResult();
        var appended = await Task.WhenAll(writers);

        Assert.All(appended, e => Assert.Equal((1L, Genesis), (e.Sequence, e.PreviousHash)));
        foreach (var s in subjects)
        {
            Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, s, Ct)).IsIntact);
        }
    }

    [Fact]
    public async Task Entries_staged_in_one_unit_of_work_chain_onto_each_other_and_commit_with_it()
    {
        var subject = NewSubject();
        await Append(AuditSubjects.Dossier, subject, "dossier.created");

        await using (var db = _engine.Db.Create())
        {
            await _engine.Audit.StageAsync(db, new AuditEvent(AuditSubjects.Dossier, subject, "dossier.reviewed", "clerk"), Ct);
            await _engine.Audit.StageAsync(db, new AuditEvent(AuditSubjects.Dossier, subject, "dossier.signed", "officer"), Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using (var abandoned = _engine.Db.Create())
        {
            await _engine.Audit.StageAsync(abandoned, new AuditEvent(AuditSubjects.Dossier, subject, "dossier.never", "nobody"), Ct);
        }

        var chain = await _engine.Audit.ReadAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(["dossier.created", "dossier.reviewed", "dossier.signed"], chain.Select(e => e.Action));
        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence));
        AssertLinked(chain);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct)).IsIntact);
    }

    /// <summary>Timestamps are hashed at millisecond precision so they verify after each provider's round trip.</summary>
    [Fact]
    public async Task Data_and_sub_millisecond_timestamps_round_trip_and_verify()
    {
        var subject = NewSubject();
        _engine.Time.Advance(TimeSpan.FromTicks(12_345));
        var data = new JsonObject { ["applicant"] = "Nguyễn Thị Minh Khai", ["fee"] = 20000.5, ["pages"] = new JsonArray(1, 2, 3) };

        var appended = await _engine.Audit.AppendAsync(new AuditEvent(AuditSubjects.Dossier, subject, "dossier.paid", "thu-ngân", data), Ct);
        _engine.Time.Advance(TimeSpan.FromTicks(7_777));
        await Append(AuditSubjects.Dossier, subject, "dossier.issued");

        var stored = (await _engine.Audit.ReadAsync(AuditSubjects.Dossier, subject, Ct))[0];
        Assert.Equal(appended, stored with { Data = appended.Data });
        Assert.True(JsonNode.DeepEquals(data, stored.Data));
        Assert.Equal(DateTimeKind.Utc, stored.OccurredAt.Kind);
        Assert.Equal(0, stored.OccurredAt.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct)).IsIntact);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("actor")]
    [InlineData("time")]
    public async Task Altering_a_stored_entry_is_reported_at_that_entry(string field)
    {
        var subject = NewSubject();
        await Append(AuditSubjects.Dossier, subject, "dossier.created", new JsonObject { ["fee"] = 20000 });
        await Append(AuditSubjects.Dossier, subject, "dossier.paid", new JsonObject { ["fee"] = 20000 });
        await Append(AuditSubjects.Dossier, subject, "dossier.issued");

        await Tamper(AuditSubjects.Dossier, subject, 2, r =>
        {
            switch (field)
            {
                case "data": r.DataJson = "{\"fee\":0}"; break;
                case "actor": r.Actor = "someone-else"; break;
                default: r.OccurredAt = r.OccurredAt.AddDays(-1); break;
            }
        });

        var verification = await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(new AuditChainVerification(false, 3, 2, "the entry was altered"), verification);
    }

    [Fact]
    public async Task Removing_an_entry_from_the_middle_is_reported()
    {
        var subject = NewSubject();
        for (var i = 0; i < 3; i++)
        {
            await Append(AuditSubjects.Dossier, subject, "dossier.step");
        }

        await using (var db = _engine.Db.Create())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.SubjectId == subject && e.Sequence == 2, Ct));
            await db.SaveChangesAsync(Ct);
        }

        var verification = await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, subject, Ct);
        Assert.Equal(new AuditChainVerification(false, 2, 3, "entry 2 is missing"), verification);
    }

    [Fact]
    public async Task An_entry_moved_from_another_chain_does_not_link()
    {
        var victim = NewSubject();
        var donor = NewSubject();
        await Append(AuditSubjects.Dossier, victim, "dossier.created");
        await Append(AuditSubjects.Dossier, donor, "dossier.created");
        await Append(AuditSubjects.Dossier, donor, "dossier.refunded");

        // Relabel the donor's second entry as the victim's second: its hash covers the donor's chain.
        await Tamper(AuditSubjects.Dossier, donor, 2, r => r.SubjectId = victim);

        var verification = await _engine.Audit.VerifyAsync(AuditSubjects.Dossier, victim, Ct);
        Assert.Equal((false, 2L), (verification.IsIntact, verification.FirstBrokenSequence));
    }

    [Fact]
    public async Task An_unknown_subject_is_an_empty_intact_chain()
    {
        Assert.Empty(await _engine.Audit.ReadAsync(AuditSubjects.User, "nobody", Ct));
        Assert.Equal(new AuditChainVerification(true, 0, null, null), await _engine.Audit.VerifyAsync(AuditSubjects.User, "nobody", Ct));
    }

    private static string NewSubject() => "HS-" + Guid.NewGuid().ToString("N")[..12];

    private Task<AuditEntry> Append(string type, string id, string action, JsonObject? data = null) =>
        _engine.Audit.AppendAsync(new AuditEvent(type, id, action, "test", data), Ct);

    private async Task Tamper(string type, string id, long sequence, Action<Persistence.Entities.AuditEntryRecord> change)
    {
        await using var db = _engine.Db.Create();
        var record = await db.AuditEntries.SingleAsync(e => e.SubjectType == type && e.SubjectId == id && e.Sequence == sequence, Ct);
        change(record);
        await db.SaveChangesAsync(Ct);
    }

    private static void AssertLinked(IReadOnlyList<AuditEntry> chain)
    {
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }

        Assert.Equal(chain.Count, chain.Select(e => e.Hash).Distinct(StringComparer.Ordinal).Count());
    }
}

public sealed class SqliteAuditLogTests(SqliteDatabaseFixture<SqliteAuditLogTests> database)
    : AuditLogTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteAuditLogTests>>;

public sealed class PostgreSqlAuditLogTests(PostgresDatabaseFixture<PostgreSqlAuditLogTests> database)
    : AuditLogTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlAuditLogTests>>;
