using System.Globalization;
using System.Text.Json;
using CallCenter.History.Reporting;
using CallCenter.WorkOrders;

namespace CallCenter.History.WorkOrders;

/// <summary>
/// Moves the order lists an older release kept in grain state ("work-order-list": key "open" and one per month) into
/// the store. Month lists first (their key is the month); an order only in the open list takes the month of its
/// opening moment as stored.
/// </summary>
public static class LegacyWorkOrderListsImport
{
    public const string State = "work-order-list";

    public static async Task Run(HistoryDb db, LegacyRows legacy)
    {
        var rows = await legacy.Read(State);
        foreach (var (grainId, payload) in rows.OrderBy(r => LegacyRows.Key(r.GrainId) == "open" ? 1 : 0))
        {
            var key = LegacyRows.Key(grainId);
            foreach (var summary in (JsonSerializer.Deserialize<LegacyList>(payload, LegacyAuditImport.Json)?.Orders ?? []).Values)
            {
                var month = key == "open" ? summary.OpenedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture) : key;
                await WorkOrderSummaries.Upsert(db, summary, month, replace: key != "open");
            }
        }

        if (rows.Count > 0)
        {
            await legacy.Remove(State, rows.Select(r => r.GrainId).ToList());
        }
    }

    private sealed record LegacyList(Dictionary<string, WorkOrderSummary>? Orders);
}
