namespace CallCenter.Host.Hosting;

public static class Started
{
    /// <summary>Waits until the host (silo included) has started; false when it is stopping first.</summary>
    public static async Task<bool> WhenStarted(this IHostApplicationLifetime lifetime, CancellationToken stop)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stop));
        return started.Task.IsCompleted;
    }
}
