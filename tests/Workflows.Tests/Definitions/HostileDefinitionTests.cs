using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Definitions;

/// <summary>
/// Definitions as an attacker or a broken client sends them, through the same path the REST API takes
/// (read the JSON with <see cref="WorkflowJson"/>, then save a draft). Each must be refused with a
/// stable reason and leave nothing behind: no version, no audit entry. Complements the format and
/// name cases in <see cref="DefinitionStoreTests"/>. Runs on SQLite and PostgreSQL (subclasses below).
/// </summary>
public abstract partial class HostileDefinitionTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The control: the same path stores a sound definition, so "nothing stored" below means something.</summary>
    [Fact]
    public async Task A_sound_definition_goes_through_the_same_path_and_is_stored()
    {
        var id = NewId();

        await SubmitAsync(Sound(id).ToJsonString());

        Assert.Single(await _engine.Definitions.ListVersionsAsync(id, Ct));
        Assert.Contains(await _engine.Definitions.ListAsync(Ct), v => v.DefinitionId == id);
        Assert.Single(await _engine.Audit.ReadAsync(AuditSubjects.Definition, id, Ct));
    }

    [Fact]
    public async Task Malformed_JSON_reports_the_line_and_position_of_the_error()
    {
        var id = NewId();
        var json = $"{{\n  \"definitionId\": \"{id}\",\n  \"name\": \"Bản sao\" \"oops\"\n}}";

        var refused = await Assert.ThrowsAsync<DefinitionFormatException>(() => SubmitAsync(json));

        Assert.Equal("malformed", refused.Code);
        Assert.Contains("line 3, position", refused.Message);
        await AssertNothingStoredAsync(id);
    }

    [Theory]
    [InlineData("trailing-comma")]
    [InlineData("comment")]
    [InlineData("wrong-shape")]
    [InlineData("truncated")]
    public async Task Lenient_or_wrongly_shaped_JSON_is_malformed(string variant)
    {
        var id = NewId();
        var json = variant switch
        {
            "trailing-comma" => $"{{\"definitionId\":\"{id}\",\"name\":\"n\",}}",
            "comment" => $"{{\"definitionId\":\"{id}\", /* hi */ \"name\":\"n\"}}",
            "wrong-shape" => $"{{\"definitionId\":\"{id}\",\"name\":\"n\",\"root\":{{\"activities\":\"all of them\"}}}}",
            _ => $"{{\"definitionId\":\"{id}\",\"name\":\"n\",\"root\":{{\"activities\":[",
        };

        var refused = await Assert.ThrowsAsync<DefinitionFormatException>(() => SubmitAsync(json));

        Assert.Equal("malformed", refused.Code);
        Assert.Contains("line 1", refused.Message);
        await AssertNothingStoredAsync(id);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "null")]
    public async Task Empty_and_null_bodies_have_their_own_codes(string json, string code)
    {
        var viaString = Assert.Throws<DefinitionFormatException>(() => WorkflowJson.Deserialize(json));
        var viaStream = await Assert.ThrowsAsync<DefinitionFormatException>(() => WorkflowJson.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Ct));

        Assert.Equal((code, code), (viaString.Code, viaStream.Code));
    }

    [Fact]
    public async Task A_50_MB_definition_of_many_activities_is_too_large_by_string_and_by_stream()
    {
        var id = NewId();
        var json = ManyActivities(id, targetBytes: 50 * 1024 * 1024);
        Assert.True(Encoding.UTF8.GetByteCount(json) >= 50 * 1024 * 1024);

        var viaString = Assert.Throws<DefinitionFormatException>(() => WorkflowJson.Deserialize(json));
        var stream = new CountingStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var viaStream = await Assert.ThrowsAsync<DefinitionFormatException>(() => WorkflowJson.DeserializeAsync(stream, Ct));

        Assert.Equal(("too-large", "too-large"), (viaString.Code, viaStream.Code));
        Assert.Contains("1024 KB", viaString.Message);
        Assert.InRange(stream.BytesRead, WorkflowJson.DefaultMaxBytes, WorkflowJson.DefaultMaxBytes + 81920);
        await AssertNothingStoredAsync(id);
    }

    /// <summary>A body that never ends (a slow-loris client, a generator) must be cut off at the limit, not read to its end.</summary>
    [Fact]
    public async Task An_endless_stream_is_cut_off_at_the_limit()
    {
        var endless = new CountingStream(new EndlessJsonStream());

        var refused = await Assert.ThrowsAsync<DefinitionFormatException>(() => WorkflowJson.DeserializeAsync(endless, Ct).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("too-large", refused.Code);
        Assert.InRange(endless.BytesRead, WorkflowJson.DefaultMaxBytes, WorkflowJson.DefaultMaxBytes + 81920);
    }

    [Fact]
    public async Task A_definition_just_under_the_size_limit_is_read()
    {
        var id = NewId();
        var json = ManyActivities(id, targetBytes: WorkflowJson.DefaultMaxBytes - 4096);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), WorkflowJson.DefaultMaxBytes - 4096, WorkflowJson.DefaultMaxBytes);

        Assert.Equal(id, WorkflowJson.Deserialize(json).DefinitionId);
        Assert.Equal(id, (await WorkflowJson.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Ct)).DefinitionId);
    }

    /// <summary>Within the byte limit, the activity limit still holds: 501 activities are refused on save.</summary>
    [Fact]
    public async Task More_than_500_activities_are_refused_on_save()
    {
        var id = NewId();
        var json = ManyActivities(id, targetBytes: 0, minActivities: 501);
        Assert.True(Encoding.UTF8.GetByteCount(json) < WorkflowJson.DefaultMaxBytes);

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => SubmitAsync(json));

        Assert.Contains(refused.Errors, e => e.Code == "too-many");
        await AssertNothingStoredAsync(id);
    }

    [Theory]
    [InlineData(30, null)]
    [InlineData(31, "too-deep")]
    [InlineData(10_000, "too-deep")]
    public async Task Nesting_deeper_than_32_levels_is_refused(int arrays, string? code)
    {
        var id = NewId();
        var definition = Sound(id);
        definition["metadata"] = new JsonObject { ["x"] = JsonValue.Create(0) };
        var json = definition.ToJsonString().Replace("\"x\":0", "\"x\":" + new string('[', arrays) + new string(']', arrays), StringComparison.Ordinal);

        if (code is null)
        {
            await SubmitAsync(json);
            Assert.Single(await _engine.Definitions.ListVersionsAsync(id, Ct));
            return;
        }

        var viaString = Assert.Throws<DefinitionFormatException>(() => WorkflowJson.Deserialize(json));
        var viaStream = await Assert.ThrowsAsync<DefinitionFormatException>(() => WorkflowJson.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Ct));
        Assert.Equal((code, code), (viaString.Code, viaStream.Code));
        await AssertNothingStoredAsync(id);
    }

    /// <summary>
    /// Null where a list entry or object is expected is valid JSON that System.Text.Json accepts; it
    /// must come back as a refusal (format or validation), never as a NullReferenceException (a 500).
    /// </summary>
    [Theory]
    [InlineData("activity")]
    [InlineData("connection")]
    [InlineData("variable")]
    [InlineData("inputs")]
    [InlineData("activities")]
    [InlineData("connections")]
    [InlineData("variables")]
    public async Task Null_entries_are_refused_not_crashed_on(string where)
    {
        var id = NewId();
        var definition = Sound(id);
        var root = definition["root"]!.AsObject();
        switch (where)
        {
            case "activity": root["activities"]!.AsArray().Add(null); break;
            case "connection": root["connections"]!.AsArray().Add(null); break;
            case "variable": definition["variables"]!.AsArray().Add(null); break;
            case "inputs": root["activities"]![1]!["inputs"] = null; break;
            case "activities": root["activities"] = null; break;
            case "connections": root["connections"] = null; break;
            default: definition["variables"] = null; break;
        }

        var refused = await Record.ExceptionAsync(() => SubmitAsync(definition.ToJsonString()));

        await AssertNothingStoredAsync(id, refused);
        Assert.True(
            refused is DefinitionValidationException or DefinitionFormatException,
            $"Expected a refusal, got {refused?.GetType().Name ?? "success"}: {refused}");
    }

    [Theory]
    [InlineData("name", "Bản sao\u0000chứng thực")]
    [InlineData("name", "Bản sao \u001b[31mđỏ")]
    [InlineData("description", "<iframe src=//evil>")]
    [InlineData("displayName", "Chờ quét\u0007")]
    public async Task Markup_and_control_characters_in_texts_are_unsafe(string where, string text)
    {
        var id = NewId();
        var definition = Sound(id);
        switch (where)
        {
            case "name": definition["name"] = text; break;
            case "description": definition["description"] = text; break;
            default: definition["root"]!["activities"]![1]!["displayName"] = text; break;
        }

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => SubmitAsync(definition.ToJsonString()));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("unsafe-text", error.Code);
        Assert.Equal(where == "displayName" ? "wait" : null, error.ActivityId);
        AssertNoMarkupEchoed(refused);
        await AssertNothingStoredAsync(id);
    }

    [Theory]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("a b")]
    [InlineData("1st")]
    public async Task Unsafe_activity_ids_are_refused_without_echoing_them(string activityId)
    {
        var id = NewId();
        var definition = Sound(id);
        definition["root"]!["activities"]![1]!["id"] = activityId;

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => SubmitAsync(definition.ToJsonString()));

        Assert.Contains(refused.Errors, e => e.Code == "activity-id");
        AssertNoMarkupEchoed(refused);
        await AssertNothingStoredAsync(id);
    }

    /// <summary>
    /// Names that become ports are shown as much as display names: on the designer's canvas, and a
    /// UserTask's actions as buttons in the clerks' task list. CheckSafe refuses markup in names but
    /// never looks at these, so they are stored, published, and echoed raw in validation messages.
    /// </summary>
    [Theory]
    [InlineData("switch-label")]
    [InlineData("fork-branch")]
    [InlineData("task-action")]
    [InlineData("connection-port")]
    [InlineData("activity-type")]
    public async Task Markup_in_names_that_become_ports_or_types_is_refused(string where)
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        var id = NewId();
        var definition = where switch
        {
            "switch-label" => Build(id, New().Add("route", "Switch", Lit("Cases", JsonNode.Parse($$"""[{"label":"{{Markup}}","condition":"true"}]""")))
                .Add("end", "End").Connect("start", "route").Connect("route", "end", Markup).Connect("route", "end", "Default")),
            "fork-branch" => Build(id, New().Add("fork", "Fork", Lit("Branches", new JsonArray(Markup)))
                .Add("end", "End").Connect("start", "fork").Connect("fork", "end", Markup)),
            "task-action" => Build(id, New().Add("review", "UserTask", Liquid("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray(Markup)))
                .Add("end", "End").Connect("start", "review").Connect("review", "end", Markup)),
            "connection-port" => Build(id, New().Add("end", "End").Connect("start", "end").Connect("start", "end", Markup)),
            _ => Build(id, New().Add("odd", Markup).Add("end", "End").Chain("start", "odd", "end")),
        };

        var refused = await Record.ExceptionAsync(() => _engine.Definitions.SaveDraftAsync(definition, "admin", Ct));

        await AssertNothingStoredAsync(id, refused);
        var validation = Assert.IsType<DefinitionValidationException>(refused);
        AssertNoMarkupEchoed(validation);
    }

    private static WorkflowDefinition Build(string id, Flow flow)
    {
        var definition = flow.Build();
        definition.DefinitionId = id;
        return definition;
    }

    private static string NewId() => "hostile-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A complete, valid definition as the JSON a client would post, ready to be made hostile.</summary>
    private static JsonObject Sound(string id)
    {
        var flow = New(id).Variable("fee", 0)
            .Add("wait", "WaitForSignal", Signal("scan-complete"))
            .Add("end", "End")
            .Chain("start", "wait", "end");
        return JsonNode.Parse(WorkflowJson.Serialize(flow.Build()))!.AsObject();
    }

    /// <summary>Definition JSON with many small Log activities, at least <paramref name="targetBytes"/> UTF-8 bytes long.</summary>
    private static string ManyActivities(string id, int targetBytes, int minActivities = 0)
    {
        var json = new StringBuilder(targetBytes + 1024);
        json.Append("{\"definitionId\":\"").Append(id).Append("\",\"name\":\"Many\",\"root\":{\"type\":\"Flowchart\",\"activities\":[{\"id\":\"start\",\"type\":\"Start\"}");
        var bytes = Encoding.UTF8.GetByteCount(json.ToString());
        for (var i = 0; bytes < targetBytes || i < minActivities; i++)
        {
            var activity = $",{{\"id\":\"log{i}\",\"type\":\"Log\",\"inputs\":{{\"Message\":{{\"type\":\"Literal\",\"value\":\"Đã nhận hồ sơ\"}}}}}}";
            json.Append(activity);
            bytes += Encoding.UTF8.GetByteCount(activity);
        }

        return json.Append("],\"connections\":[]}}").ToString();
    }

    /// <summary>What the API does with a posted body: read it with the limits, then save it as a draft.</summary>
    private Task<DefinitionVersionInfo> SubmitAsync(string json) => _engine.Definitions.SaveDraftAsync(WorkflowJson.Deserialize(json), "admin", Ct);

    private async Task AssertNothingStoredAsync(string id, Exception? outcome = null)
    {
        // The raw rows first: the store's own listings validate what they return and could themselves fail.
        await using (var db = _engine.Db.Create())
        {
            var rows = await db.DefinitionVersions.CountAsync(v => v.DefinitionId == id, Ct);
            var audit = await db.AuditEntries.CountAsync(e => e.SubjectType == AuditSubjects.Definition && e.SubjectId == id, Ct);
            Assert.True(
                rows == 0 && audit == 0,
                $"{rows} version row(s) and {audit} audit entr(ies) were stored; the save ended with {outcome?.GetType().Name ?? "success"}.");
        }

        Assert.Empty(await _engine.Definitions.ListVersionsAsync(id, Ct));
        Assert.DoesNotContain(await _engine.Definitions.ListAsync(Ct), v => v.DefinitionId == id);
        Assert.Null(await _engine.Definitions.GetAsync(id, null, Ct));
        Assert.Empty(await _engine.Audit.ReadAsync(AuditSubjects.Definition, id, Ct));
    }

    /// <summary>No message carries a tag or a control character taken from the definition (messages are shown as-is).</summary>
    private static void AssertNoMarkupEchoed(DefinitionValidationException refused)
    {
        foreach (var message in refused.Errors.Select(e => e.Message).Prepend(refused.Message))
        {
            Assert.False(Tag().IsMatch(message), $"The message echoes markup: {message}");
            Assert.DoesNotContain(message, char.IsControl);
        }
    }

    [GeneratedRegex("<[A-Za-z/!]")]
    private static partial Regex Tag();

    /// <summary>An opening brace and then a name that never ends.</summary>
    private sealed class EndlessJsonStream : Stream
    {
        private bool _started;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var prefix = _started ? ""u8 : "{\"name\":\""u8;
            _started = true;
            prefix.CopyTo(buffer);
            buffer[prefix.Length..].Fill((byte)'x');
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class SqliteHostileDefinitionTests(SqliteDatabaseFixture<SqliteHostileDefinitionTests> database)
    : HostileDefinitionTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteHostileDefinitionTests>>;

public sealed class PostgreSqlHostileDefinitionTests(PostgresDatabaseFixture<PostgreSqlHostileDefinitionTests> database)
    : HostileDefinitionTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlHostileDefinitionTests>>;
