using System.Globalization;
using CallCenter.Seats;

namespace CallCenter.History.Seats;

/// <summary>One seat state span as stored; keyed by seat and start, so a span written again replaces itself.</summary>
public sealed class SpanRow
{
    public required string SeatId { get; set; }

    public long FromUtcTicks { get; set; }

    public long ToUtcTicks { get; set; }

    public required string Agent { get; set; }

    public required string State { get; set; }

    public string? Reason { get; set; }

    /// <summary>The centre's local day, yyyy-MM-dd.</summary>
    public required string Day { get; set; }

    public bool Missed { get; set; }

    public void Fill(SeatSpan span)
    {
        (ToUtcTicks, Agent, State, Reason) = (span.To.UtcTicks, span.Agent, span.State.ToString(), span.Reason);
        (Day, Missed) = (DayKey(span.Day), span.Missed);
    }

    public SeatSpan ToSpan() => new(
        SeatId, Agent, Enum.Parse<SeatState>(State), Reason, DateOnly.ParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        new DateTimeOffset(FromUtcTicks, TimeSpan.Zero), new DateTimeOffset(ToUtcTicks, TimeSpan.Zero), Missed);

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
