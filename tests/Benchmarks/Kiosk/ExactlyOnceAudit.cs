using Npgsql;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// After a load run over several gateway replicas on one PostgreSQL database: every dossier ended in a
/// resting state, each issued dossier has exactly one copy and one register number, numbers have no gap and
/// none was voided, no workflow faulted, no queued run is left or was given up; and which replica ran how
/// many queued runs (each replica's node name is its dispatch lease owner).
/// </summary>
public sealed record ExactlyOnceAudit(
    IReadOnlyDictionary<string, long> DossiersByStatus,
    long Issued,
    long Copies,
    long RegisterEntries,
    long DistinctOriginals,
    long NumberSpan,
    long Voided,
    long FaultedInstances,
    long Incidents,
    long PendingRuns,
    IReadOnlyDictionary<string, long> RunsByOutcome,
    IReadOnlyDictionary<string, long> RunsByNode)
{
    /// <summary>
    /// Reads the audit once no queued run is left, or after <paramref name="settle"/>: a kiosk sees a dossier's final
    /// status as soon as its run commits, a moment before the run's node marks the queued run done.
    /// </summary>
    public static async Task<ExactlyOnceAudit> ReadSettledAsync(string connectionString, TimeSpan settle, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + settle;
        while (true)
        {
            var audit = await ReadAsync(connectionString, cancellationToken);
            if (audit.PendingRuns == 0 || DateTime.UtcNow >= deadline)
            {
                return audit;
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public static async Task<ExactlyOnceAudit> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        async Task<long> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        async Task<IReadOnlyDictionary<string, long>> Counts(string sql)
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.IsDBNull(0) ? "(none)" : reader.GetString(0)] = reader.GetInt64(1);
            }
            return counts;
        }

        return new ExactlyOnceAudit(
            DossiersByStatus: await Counts("""SELECT "Status", count(*) FROM "Dossiers" GROUP BY 1"""),
            Issued: await Scalar("""SELECT count(*) FROM "Dossiers" WHERE "Status" = 'Issued'"""),
            Copies: await Scalar("""SELECT count(*) FROM "CertifiedCopies" """),
            RegisterEntries: await Scalar("""SELECT count(*) FROM "RegisterEntries" """),
            DistinctOriginals: await Scalar("""SELECT count(DISTINCT ("AgencyId", "OriginalKey")) FROM "RegisterEntries" """),
            NumberSpan: await Scalar("""SELECT coalesce(sum(span), 0) FROM (SELECT max("Number") - min("Number") + 1 AS span FROM "RegisterEntries" GROUP BY "AgencyId", "Year", "Book") books"""),
            Voided: await Scalar("""SELECT count(*) FROM "RegisterEntries" WHERE "Status" = 'Voided'"""),
            FaultedInstances: await Scalar("""SELECT count(*) FROM workflow_instances WHERE "Status" = 'Faulted'"""),
            Incidents: await Scalar("""SELECT count(*) FROM incidents"""),
            PendingRuns: await Scalar("""SELECT count(*) FROM run_requests WHERE "CompletedAt" IS NULL"""),
            RunsByOutcome: await Counts("""SELECT "Outcome", count(*) FROM run_requests GROUP BY 1"""),
            RunsByNode: await Counts("""SELECT "LeaseOwner", count(*) FROM run_requests GROUP BY 1"""));
    }

    /// <summary>What breaks "exactly once"; empty when the run is clean.</summary>
    public IReadOnlyList<string> Violations(int submitted)
    {
        var violations = new List<string>();
        var resting = DossiersByStatus.Where(s => s.Key is "Issued" or "AwaitingOfficer" or "Refused").Sum(s => s.Value);
        if (resting != submitted)
        {
            violations.Add($"{submitted} dossiers submitted, {resting} at rest (issued, with the officer or refused): {string.Join(", ", DossiersByStatus.Select(s => $"{s.Key} {s.Value}"))}");
        }
        if (Copies != Issued)
        {
            violations.Add($"{Issued} dossiers issued but {Copies} copies stored");
        }
        if (RegisterEntries != Issued || DistinctOriginals != RegisterEntries)
        {
            violations.Add($"{Issued} dossiers issued, {RegisterEntries} register numbers for {DistinctOriginals} originals");
        }
        if (NumberSpan != RegisterEntries)
        {
            violations.Add($"register numbers have gaps: {RegisterEntries} numbers over a span of {NumberSpan}");
        }
        if (Voided != 0 || FaultedInstances != 0 || Incidents != 0)
        {
            violations.Add($"{Voided} voided numbers, {FaultedInstances} faulted instances, {Incidents} incidents");
        }
        if (PendingRuns != 0 || RunsByOutcome.Keys.Any(o => o is "given-up" or "invalid"))
        {
            violations.Add($"{PendingRuns} queued runs left; outcomes: {string.Join(", ", RunsByOutcome.Select(o => $"{o.Key} {o.Value}"))}");
        }
        return violations;
    }
}
