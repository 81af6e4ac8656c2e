using System.Diagnostics;
using CallCenter.Seats;

namespace CallCenter.LoadTests;

/// <summary>
/// The open-loop plan of the wallboard benchmark: event n happens at start + n/rate, to seat n mod M, Ready on even
/// rounds over the seats and NotReady on odd ones. Both processes know it, so the client process can tell from a tile
/// alone which change produced it and when that change was due (Stopwatch ticks are the same clock in every process
/// on one Linux machine: CLOCK_MONOTONIC).
/// </summary>
public sealed record WallboardSchedule(string Prefix, long Start, double Rate, int Seats)
{
    public double Interval => Stopwatch.Frequency / Rate;

    public long IntendedAt(long n) => Start + (long)(n * Interval);

    public string SeatOf(long n) => $"{Prefix}{n % Seats:000}";

    public static SeatState StateOf(long n, int seats) => n / seats % 2 == 0 ? SeatState.Ready : SeatState.NotReady;

    /// <summary>When the latest change of this seat to this state that was due by <paramref name="receivedAt"/> was due; null if none was.</summary>
    public long? IntendedFor(string seatId, SeatState state, long receivedAt)
    {
        if (!seatId.StartsWith(Prefix, StringComparison.Ordinal) || !int.TryParse(seatId.AsSpan(Prefix.Length), out var seat) || receivedAt < Start)
        {
            return null;
        }

        var due = (long)((receivedAt - Start) / Interval);
        while (IntendedAt(due + 1) <= receivedAt)
        {
            due++; // floating-point rounding can put the division one event short
        }

        while (due > 0 && IntendedAt(due) > receivedAt)
        {
            due--;
        }

        var n = due - ((due - seat) % Seats + Seats) % Seats;
        if (StateOf(n, Seats) != state)
        {
            n -= Seats;
        }

        return n < 0 ? null : IntendedAt(n);
    }
}
