namespace CallCenter.Grading;

/// <summary>The recordings index in the query store: every recorded call with its analytics, by the ISO week it was made.</summary>
public interface IRecordedCalls
{
    /// <summary>
    /// Indexes a recording under the week of <paramref name="day"/> (the centre's date it was made); a second ingest of
    /// the same call replaces its figures, keeping a survey score already known.
    /// </summary>
    Task Add(RecordedCall call, DateOnly day);

    /// <summary>The recorded calls of one ISO week ("2026-W48"), by call id: what sampling draws from.</summary>
    Task<IReadOnlyList<RecordedCall>> Week(string week);

    /// <summary>A follow-up survey's score (5 very satisfied … 1 very dissatisfied) for a recorded call.</summary>
    Task Surveyed(string callId, int score);

    /// <summary>The ISO week key ("2026-W48") of a day: recordings are indexed by the week they were made.</summary>
    static string WeekOf(DateOnly day) =>
        $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";
}
