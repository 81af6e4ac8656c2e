namespace CallCenter.Calls;

/// <summary>Call detail records in the query store.</summary>
public interface ICallRecords
{
    /// <summary>Stores the call's record (a second write of the same call replaces it); returns once committed.</summary>
    Task Write(CallDetail call);

    /// <summary>Records matching the query, newest end first, a page at a time (keyset: pass the last page's <see cref="CallPage.Next"/>).</summary>
    Task<CallPage> Search(CallQuery query);
}

/// <summary>What to look for; every filter is optional. <paramref name="After"/> is the cursor of the previous page.</summary>
public sealed record CallQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Queue = null,
    string? SeatId = null,
    string? Agent = null,
    string? Caller = null,
    CallOutcome? Outcome = null,
    double? MinWaitSeconds = null,
    double? MinTalkSeconds = null,
    bool? HasRecording = null,
    string? After = null,
    int Limit = 50,
    double? MinScore = null,
    double? MaxScore = null);

/// <summary>A page of records; <paramref name="Extras"/> holds what other parts of the platform learned about each call, by call id.</summary>
public sealed record CallPage(IReadOnlyList<CallDetail> Items, string? Next, IReadOnlyDictionary<string, CallExtras>? Extras = null);

/// <summary>
/// What a call's record gathers after it ended: the recording's analytics (longest dead air, over-talk), the follow-up
/// survey's score (5 very satisfied … 1 very dissatisfied), the average of its evaluations' totals, the work orders opened from it.
/// </summary>
public sealed record CallExtras(
    double? LongestDeadAirSeconds,
    double? OverTalkSeconds,
    int? SurveyScore,
    double? EvaluationScore,
    IReadOnlyList<string> WorkOrders);
