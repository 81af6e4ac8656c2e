using System.Globalization;
using CallCenter.Grading;
using CallCenter.History.Grading;
using CallCenter.History.Reporting;
using CallCenter.History.WorkOrders;
using CallCenter.WorkOrders;

namespace CallCenter.History;

/// <summary>
/// What an older release kept in ever-growing grain states, moved into the store on the first start: the recordings
/// index (one state per ISO week), the monthly evaluations and vetoes, the corrections (one state), the work-order
/// lists ("open" and one per month; month lists first, an order only in the open list takes its opening's month).
/// </summary>
public static class LegacyImports
{
    public static async Task Run(HistoryDb db, LegacyRows legacy)
    {
        await legacy.Import<WeekState>("recorded-calls", async (week, state) =>
        {
            foreach (var call in (state.Calls ?? []).Values)
            {
                await RecordedCalls.Upsert(db, call, week);
            }
        });
        await legacy.Import<MonthState>("quality-month", async (month, state) =>
        {
            foreach (var evaluation in (state.Evaluations ?? []).Values)
            {
                await QualityRecords.Upsert(db, month, evaluation);
            }

            foreach (var veto in (state.Vetoes ?? []).Values)
            {
                await QualityRecords.Veto(db, month, veto);
            }
        });
        await legacy.Import<CorrectionsState>("corrections", async (_, state) =>
        {
            foreach (var correction in (state.Corrections ?? []).Values)
            {
                await Corrections.Insert(db, correction);
            }
        });
        await legacy.Import<ListState>("work-order-list", async (key, state) =>
        {
            foreach (var summary in (state.Orders ?? []).Values)
            {
                var month = key == "open" ? summary.OpenedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture) : key;
                await WorkOrderSummaries.Upsert(db, summary, month, null, replace: key != "open");
            }
        }, order: key => key == "open" ? 1 : 0);
    }

    private sealed record WeekState(Dictionary<string, RecordedCall>? Calls);

    private sealed record MonthState(Dictionary<string, ScoredEvaluation>? Evaluations, Dictionary<string, Veto>? Vetoes);

    private sealed record CorrectionsState(Dictionary<string, Correction>? Corrections);

    private sealed record ListState(Dictionary<string, WorkOrderSummary>? Orders);
}
