namespace CallCenter.Reporting;

/// <summary>
/// One agent's day or month (<paramref name="Period"/> is yyyy-MM-dd or yyyy-MM). Seconds in each state come from the
/// seat's activity spans (talk is time on a call, hold included); calls, hold and handle time from the calls they answered;
/// <paramref name="QualityAverage"/>, in month rows, the average total of the agent's evaluations submitted that month.
/// </summary>
public sealed record AgentPeriod(
    string Agent,
    string Period,
    double LoggedInSeconds,
    double ReadySeconds,
    double ReservedSeconds,
    double TalkSeconds,
    double WrapUpSeconds,
    double NotReadySeconds,
    IReadOnlyDictionary<string, double> NotReadyByReason,
    int MissedOffers,
    int Calls,
    double HoldSeconds,
    double HandleSeconds,
    double? QualityAverage = null)
{
    /// <summary>(talk + wrap-up) ÷ (ready + reserved + talk + wrap-up), percent: how much of the time available for calls went to calls.</summary>
    public double? Occupancy => ReadySeconds + ReservedSeconds + TalkSeconds + WrapUpSeconds is > 0 and var available
        ? Math.Round(100.0 * (TalkSeconds + WrapUpSeconds) / available, 1)
        : null;

    /// <summary>Talk + hold + wrap-up of answered calls ÷ calls, seconds.</summary>
    public double? AverageHandleTime => Calls > 0 ? Math.Round(HandleSeconds / Calls, 1) : null;
}
