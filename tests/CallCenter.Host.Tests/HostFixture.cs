namespace CallCenter.Host.Tests;

public sealed class HostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await RunningHost.Start();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
