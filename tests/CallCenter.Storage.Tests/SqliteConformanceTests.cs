using CallCenter.Storage;

namespace CallCenter.Storage.Tests;

public sealed class SqliteConformanceTests : StorageConformance
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"cc-conformance-{Guid.NewGuid():N}.db");

    protected override Task<StorageHost> StartHost(string serviceId) =>
        StorageHost.Start(serviceId, silo => silo.UseCallCenterSqlite(file, StorageHost.ProviderName));
}
