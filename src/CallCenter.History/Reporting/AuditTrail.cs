using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.History.Reporting;

/// <summary>
/// The audit trail on the query store. Lines are written in batches by one writer per host: a batch is one
/// transaction that takes each day's chain head (under a PostgreSQL advisory lock per day, so hosts writing at once
/// keep one chain), links the new lines and inserts them; lines whose id is already stored are skipped. A caller's
/// Append completes when its batch has committed. The cost of a line does not grow with the day.
/// </summary>
public sealed class AuditTrail : IAuditTrail, IAsyncDisposable
{
    private readonly IDbContextFactory<HistoryDb> store;
    private readonly BatchWriter<Pending> writer;

    public AuditTrail(IDbContextFactory<HistoryDb> store, ILogger<AuditTrail> logger)
    {
        this.store = store;
        writer = new BatchWriter<Pending>(Commit, logger, "audit lines");
    }

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task Append(DateOnly day, AuditEntry entry) =>
        writer.Write(new Pending(DayKey(day), entry with { LineId = entry.LineId ?? Guid.NewGuid().ToString("N") }));

    public async Task<IReadOnlyList<AuditEntry>> Entries(DateOnly day)
    {
        var key = DayKey(day);
        await using var db = await store.CreateDbContextAsync();
        var lines = await db.AuditLines.AsNoTracking().Where(l => l.Day == key).OrderBy(l => l.Seq).ToListAsync();
        return lines.Select(l => l.ToEntry()).ToList();
    }

    public async Task<AuditVerification> Verify(DateOnly day) => AuditChain.Verify(DayKey(day), await Entries(day));

    private async Task Commit(IReadOnlyList<Pending> batch)
    {
        await using var db = await store.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ids = batch.Select(p => p.Entry.LineId!).ToList();
        var stored = (await db.AuditLines.Where(l => ids.Contains(l.LineId)).Select(l => l.LineId).ToListAsync()).ToHashSet();
        foreach (var day in batch.GroupBy(p => p.Day).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"audit:" + day.Key}))");
            }

            var head = await db.AuditLines.Where(l => l.Day == day.Key).OrderByDescending(l => l.Seq)
                .Select(l => new { l.Seq, l.Hash }).FirstOrDefaultAsync();
            var (seq, previous) = (head?.Seq ?? 0, head?.Hash ?? AuditChain.Genesis(day.Key));
            foreach (var line in day)
            {
                if (!stored.Add(line.Entry.LineId!))
                {
                    continue;
                }

                var linked = AuditChain.Link(line.Entry, previous);
                db.AuditLines.Add(Stored(day.Key, ++seq, linked));
                previous = linked.Hash!;
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    internal static AuditLine Stored(string day, long seq, AuditEntry entry) => new()
    {
        Day = day,
        Seq = seq,
        LineId = entry.LineId!,
        AtUtcTicks = entry.At.UtcTicks,
        Actor = entry.Actor,
        Action = entry.Action,
        Subject = entry.Subject,
        Detail = entry.Detail,
        Previous = entry.Previous,
        Hash = entry.Hash,
    };

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private sealed record Pending(string Day, AuditEntry Entry);
}
