namespace CallCenter.Seats;

/// <summary>Agent activity (seat state spans) in the query store.</summary>
public interface IAgentActivity
{
    /// <summary>Stores the spans (a span written again, same seat and start, replaces itself); returns once committed.</summary>
    Task Write(IReadOnlyList<SeatSpan> spans);

    /// <summary>One seat's spans that overlap the range, in order.</summary>
    Task<IReadOnlyList<SeatSpan>> Of(string seatId, DateTimeOffset from, DateTimeOffset to);
}
