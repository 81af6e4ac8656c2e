using System.Text.Json;
using CallCenter.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Monitoring;

/// <summary>The alert history on the query store: one upsert per alert, the same SQL on SQLite and PostgreSQL.</summary>
public sealed class AlertHistory(IDbContextFactory<HistoryDb> store) : IAlertHistory
{
    public async Task Put(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        await using var db = await store.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var a in alerts)
        {
            var args = a.Args is null ? null : JsonSerializer.Serialize(a.Args);
            var queues = a.Queues is null ? null : string.Join(' ', a.Queues);
            // A later write never takes back what an earlier one knew: an acknowledgement or a clearing stays.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO alert_history (alert_key, raised_utc_ticks, kind, subject, message, args, cleared_utc_ticks, acknowledged_by,
                    acknowledged_utc_ticks, note, department, queues)
                VALUES ({a.Key}, {a.RaisedAt.UtcTicks}, {a.Kind.ToString()}, {a.Subject}, {a.Message}, {args}, {a.ClearedAt?.UtcTicks},
                    {a.AcknowledgedBy}, {a.AcknowledgedAt?.UtcTicks}, {a.Note}, {a.Department}, {queues})
                ON CONFLICT (alert_key, raised_utc_ticks) DO UPDATE SET
                    cleared_utc_ticks = COALESCE(excluded.cleared_utc_ticks, alert_history.cleared_utc_ticks),
                    acknowledged_by = COALESCE(excluded.acknowledged_by, alert_history.acknowledged_by),
                    acknowledged_utc_ticks = COALESCE(excluded.acknowledged_utc_ticks, alert_history.acknowledged_utc_ticks),
                    note = COALESCE(excluded.note, alert_history.note)
                """);
        }

        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<Alert>> Search(DateTimeOffset from, DateTimeOffset to, AlertKind? kind, string? text, int limit)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = db.AlertHistory.AsNoTracking().Where(a => a.RaisedUtcTicks >= from.UtcTicks && a.RaisedUtcTicks < to.UtcTicks);
        if (kind is { } only)
        {
            var name = only.ToString();
            rows = rows.Where(a => a.Kind == name);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            rows = rows.Where(a => a.Subject.Contains(term) || a.Message.Contains(term) || (a.Args != null && a.Args.Contains(term)));
        }

        var found = await rows.OrderByDescending(a => a.RaisedUtcTicks).Take(limit).ToListAsync();
        return found.Select(r => r.ToAlert()).ToList();
    }
}
