namespace CallCenter.Routing;

/// <summary>Today's queue counters; persisted so a restart does not reset the wallboard.</summary>
[GenerateSerializer]
public sealed class QueueDay
{
    public const int AbandonedKept = 50;

    [Id(0)] public DateOnly Day { get; set; }
    [Id(1)] public int Offered { get; set; }
    [Id(2)] public int Answered { get; set; }
    [Id(3)] public int AnsweredWithinServiceLevel { get; set; }
    [Id(4)] public int Abandoned { get; set; }
    [Id(5)] public int OverflowedOut { get; set; }
    [Id(6)] public List<AbandonedCall> RecentAbandoned { get; set; } = [];

    /// <summary>Calls that left the queue in each of the last 16 minutes, and how many of them within the service level.</summary>
    [Id(11)] public List<FinishedMinute> QuarterHourMinutes { get; set; } = [];

    [Id(8)] public int Handled { get; set; }

    [Id(9)] public double HandleSeconds { get; set; }

    /// <summary>Seconds answered calls waited in the queue, for the average speed of answer.</summary>
    [Id(10)] public double AnswerWaitSeconds { get; set; }
}
