using System.Collections.Concurrent;

namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>
/// Fault injection for the in-process cluster: a test names a grain, a method and how many calls to it are lost, and
/// the silos fail those grain calls the way a dead target silo does (<see cref="SiloUnavailableException"/>).
/// A call event is named by its kind ("Apply:WrapUpDone").
/// </summary>
public sealed class LostMessages : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(string Target, string Method), int> ToLose = new();

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> on grain <paramref name="target"/> are lost.</summary>
    public static void Lose(string target, string method, int times) => ToLose[(target, method)] = times;

    /// <summary>The next <paramref name="times"/> wrap-up notices to <paramref name="callId"/> are lost.</summary>
    public static void LoseWrapUpNotices(string callId, int times) => Lose(callId, "Apply:WrapUpDone", times);

    public static int Remaining(string target, string method = "Apply:WrapUpDone") => ToLose.GetValueOrDefault((target, method));

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var method = context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is CallEvent change
            ? $"{context.Request.GetMethodName()}:{change.Kind}"
            : context.Request.GetMethodName();
        var key = (context.TargetId.Key.ToString()!, method);
        if (ToLose.TryGetValue(key, out var left) && left > 0 && ToLose.TryUpdate(key, left - 1, left))
        {
            throw new SiloUnavailableException($"Injected: the silo holding {key.Item1} is gone.");
        }

        return context.Invoke();
    }
}
