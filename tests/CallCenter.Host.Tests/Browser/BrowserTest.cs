namespace CallCenter.Host.Tests.Browser;

/// <summary>A host of its own and Chromium for each browser test class, both stopped at the end.</summary>
public abstract class BrowserTest(params string[] hostArgs) : IAsyncLifetime
{
    protected RunningHost host = null!;
    protected BrowserSession browser = null!;

    public async Task InitializeAsync()
    {
        host = await RunningHost.Start(null, hostArgs);
        browser = await BrowserSession.Start();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }
}
