using CallCenter.History;
using CallCenter.History.Reporting;
using CallCenter.Storage;
using CallCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>
/// Two silos in one process on a real SQLite file (whose writes a test can refuse or hold: <see cref="FaultyWrites"/>),
/// sharing one fixed domain clock that tests move by hand.
/// The Orleans runtime keeps the real clock.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // Monday 09:00 in Shanghai

    private readonly string directory = Path.Combine(Path.GetTempPath(), "cc-grains-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(Start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public HistoryLocation History => HistoryLocation.Embedded(directory);

    /// <summary>The query store the silos write to, read the way a host reads it.</summary>
    public ServiceProvider Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var clock = new CallCenterClock(Time, CallCenterClock.FindZone("Asia/Shanghai"));
        var database = Path.Combine(directory, "grains.db");
        var history = History;
        await HistorySetup.Migrate(history, LegacyRows.None);
        builder.ConfigureSilo((_, silo) =>
        {
            RememberedInterfaceTypes.Install(silo.Services);
            silo.UseCallCenterSqlite(database, StorageNames.Grains);
            silo.Services.AddGrainStorage(StorageNames.Grains, (sp, _) => new FaultyWrites(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp)));
            silo.Services.AddCallCenterHistory(history);
            silo.Services.AddSingleton(clock);
            silo.Services.AddSingleton<MonitorInbox>();
            silo.AddOutgoingGrainCallFilter<LostMessages>();
            silo.Services.Configure<SeatOptions>(o =>
            {
                o.WrapUpSeconds = 30;
                o.MissedOffersLimit = 2;
                o.CallCheckSeconds = 2;
            });

            // The board's hold and clear delays run on the test clock, which only moves when a test moves it: the
            // delays themselves are tested on AlertDebounce directly.
            silo.Services.Configure<AlertRules>(o => (o.HoldSeconds, o.ClearSeconds) = (0, 0));
            ConfigureSilo(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Store = new ServiceCollection().AddLogging().AddCallCenterHistory(history).BuildServiceProvider();
    }

    /// <summary>What a fixture built on this one changes in each silo, after everything above.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
