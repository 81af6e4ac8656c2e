namespace CallCenter.Reporting;

/// <summary>
/// One queue (or, with an empty <paramref name="Queue"/>, every queue) in one interval. Counts are of calls that entered
/// in it; <paramref name="Overflowed"/> ones were offered here and moved on, so they count as offered, not answered.
/// </summary>
public sealed record QueueInterval(
    string Queue,
    DateTimeOffset Start,
    int Offered,
    int Answered,
    int Abandoned,
    int AbandonedWithin5Seconds,
    int Callbacks,
    int Overflowed,
    int AnsweredInTarget,
    double AnsweredWaitSeconds,
    double HandleSeconds,
    double LongestWaitSeconds)
{
    /// <summary>Answered within target ÷ (offered − abandoned within 5 s), percent; null when nothing counts.</summary>
    public double? ServiceLevel => Offered - AbandonedWithin5Seconds is > 0 and var counted ? Math.Round(100.0 * AnsweredInTarget / counted, 1) : null;

    /// <summary>Abandoned ÷ offered, percent.</summary>
    public double? AbandonRate => Offered > 0 ? Math.Round(100.0 * Abandoned / Offered, 1) : null;

    /// <summary>Average wait of answered calls, seconds.</summary>
    public double? AverageSpeedOfAnswer => Answered > 0 ? Math.Round(AnsweredWaitSeconds / Answered, 1) : null;

    /// <summary>Average talk + hold + wrap-up of answered calls, seconds.</summary>
    public double? AverageHandleTime => Answered > 0 ? Math.Round(HandleSeconds / Answered, 1) : null;

    public static QueueInterval Sum(string queue, DateTimeOffset start, IEnumerable<QueueInterval> parts)
    {
        var all = parts.ToList();
        return new QueueInterval(
            queue, start, all.Sum(p => p.Offered), all.Sum(p => p.Answered), all.Sum(p => p.Abandoned), all.Sum(p => p.AbandonedWithin5Seconds),
            all.Sum(p => p.Callbacks), all.Sum(p => p.Overflowed), all.Sum(p => p.AnsweredInTarget), all.Sum(p => p.AnsweredWaitSeconds),
            all.Sum(p => p.HandleSeconds), all.Select(p => p.LongestWaitSeconds).DefaultIfEmpty().Max());
    }
}
