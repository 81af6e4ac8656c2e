using System.Collections.Concurrent;

namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>
/// Fault injection for the in-process cluster: a test names a call and how many wrap-up notices to it are lost, and
/// the silos fail those grain calls the way a dead target silo does (<see cref="SiloUnavailableException"/>).
/// </summary>
public sealed class LostMessages : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> ToLose = new();

    /// <summary>The next <paramref name="times"/> wrap-up notices to <paramref name="callId"/> are lost.</summary>
    public static void LoseWrapUpNotices(string callId, int times) => ToLose[callId] = times;

    public static int Remaining(string callId) => ToLose.GetValueOrDefault(callId);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is CallEvent { Kind: CallEventKind.WrapUpDone }
            && context.TargetId.Key.ToString() is { } callId
            && ToLose.TryGetValue(callId, out var left) && left > 0
            && ToLose.TryUpdate(callId, left - 1, left))
        {
            throw new SiloUnavailableException($"Injected: the silo holding call {callId} is gone.");
        }

        return context.Invoke();
    }
}
