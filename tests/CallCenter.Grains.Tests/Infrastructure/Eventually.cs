namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>Waits for background work (grain timers, one-way messages) to reach a state; fails with what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        while (true)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last seen: {last}");
            }

            await Task.Delay(50);
        }
    }
}
