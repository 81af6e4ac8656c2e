using System.Collections.Concurrent;
using Orleans.Storage;

namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>
/// The grain storage of the test silos, able to refuse or hold back the next write of one grain (as a store that
/// times out or stalls would), and counting each grain's writes that landed.
/// </summary>
public sealed class FaultyWrites(IGrainStorage store) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, int> ToRefuse = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> ToHold = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Reached = new();
    private static readonly ConcurrentDictionary<string, int> Landed = new();

    /// <summary>The next <paramref name="times"/> writes of grain <paramref name="grain"/> fail.</summary>
    public static void Refuse(string grain, int times) => ToRefuse[grain] = times;

    /// <summary>The next write of grain <paramref name="grain"/> waits until the returned gate is opened.</summary>
    public static TaskCompletionSource Hold(string grain)
    {
        Reached[grain] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return ToHold[grain] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Completes once the write <see cref="Hold"/> holds back has come and waits at the gate.</summary>
    public static Task Held(string grain) => Reached[grain].Task;

    /// <summary>How many writes of grain <paramref name="grain"/> are stored.</summary>
    public static int Stored(string grain) => Landed.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var grain = grainId.Key.ToString()!;
        if (ToHold.TryRemove(grain, out var gate))
        {
            Reached[grain].TrySetResult();
            await gate.Task;
        }

        if (ToRefuse.TryGetValue(grain, out var left) && left > 0 && ToRefuse.TryUpdate(grain, left - 1, left))
        {
            throw new OrleansException($"Injected: the store refused the write of {grain}.");
        }

        await store.WriteStateAsync(stateName, grainId, grainState);
        Landed.AddOrUpdate(grain, 1, (_, n) => n + 1);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ClearStateAsync(stateName, grainId, grainState);
}
