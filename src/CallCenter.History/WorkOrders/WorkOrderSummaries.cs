using CallCenter.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.WorkOrders;

/// <summary>Work-order summaries on the query store: one row per order, replaced by each change (an upsert).</summary>
public sealed class WorkOrderSummaries(IDbContextFactory<HistoryDb> store) : IWorkOrderSummaries
{
    public async Task Put(WorkOrderSummary summary, string month, string? callId)
    {
        await using var db = await store.CreateDbContextAsync();
        await Upsert(db, summary, month, callId, replace: true);
    }

    /// <summary>Stores the summary; an order already stored is replaced only when <paramref name="replace"/> says so.</summary>
    public static Task Upsert(HistoryDb db, WorkOrderSummary summary, string month, string? callId, bool replace)
    {
        var closed = summary.Status == WorkOrderStatus.Closed;
        var json = WorkOrderRow.Json(summary);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO work_orders (order_id, month, closed, call_id, opened_utc_ticks, summary) VALUES ({summary.OrderId}, {month}, {closed}, {callId}, {summary.OpenedAt.UtcTicks}, {json})
            ON CONFLICT (order_id) DO UPDATE SET month = excluded.month, closed = excluded.closed, call_id = excluded.call_id, opened_utc_ticks = excluded.opened_utc_ticks, summary = excluded.summary
            WHERE {replace}
            """);
    }

    public async Task<IReadOnlyList<WorkOrderSummary>> Open()
    {
        await using var db = await store.CreateDbContextAsync();
        return (await db.WorkOrders.AsNoTracking().Where(o => !o.Closed).OrderBy(o => o.OpenedUtcTicks).ToListAsync()).Select(o => o.ToSummary()).ToList();
    }

    public async Task<IReadOnlyList<WorkOrderSummary>> Month(string month)
    {
        await using var db = await store.CreateDbContextAsync();
        return (await db.WorkOrders.AsNoTracking().Where(o => o.Month == month).OrderBy(o => o.OpenedUtcTicks).ToListAsync()).Select(o => o.ToSummary()).ToList();
    }
}
