using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>The "CallCenter" configuration section (environment: CallCenter__Name).</summary>
public sealed class CallCenterSettings
{
    public const string Section = "CallCenter";

    /// <summary>Embedded (one process, SQLite) or Cluster (PostgreSQL, many hosts).</summary>
    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    public string DataDir { get; set; } = "./data";

    public string ClusterId { get; set; } = "callcenter";

    public string ServiceId { get; set; } = "callcenter";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Cluster mode in Kubernetes pods (deploy/k8s): silo name, address and cluster ids come from the pod
    /// (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID), and silos whose pod is gone are declared dead at once.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>Address other silos reach this one at (cluster mode); "auto" picks this machine's IPv4 address.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Apply the PostgreSQL schema when a cluster host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The Orleans dashboard at /dashboard (administrators only); it profiles every grain call.</summary>
    public bool Dashboard { get; set; } = true;

    public CtiSettings Cti { get; set; } = new();

    public DemoSettings Demo { get; set; } = new();

    public SimulatorSettings Simulator { get; set; } = new();

    public string SqlitePath => Path.Combine(DataDir, "callcenter.db");

    /// <summary>The query store: history.db in the data directory (embedded) or the cluster's PostgreSQL database.</summary>
    public CallCenter.History.HistoryLocation History(string? postgres) =>
        Mode == HostingMode.Cluster
            ? CallCenter.History.HistoryLocation.Cluster(postgres ?? throw new InvalidOperationException("Cluster mode needs ConnectionStrings__Postgres."))
            : CallCenter.History.HistoryLocation.Embedded(DataDir);

    /// <summary>Where an older release kept what now lives in the query store.</summary>
    public CallCenter.History.Reporting.LegacyRows Legacy(string? postgres) =>
        Mode == HostingMode.Cluster ? LegacyGrainState.Postgres(postgres!, ServiceId) : LegacyGrainState.Sqlite(SqlitePath, ServiceId);

    public RecordingSettings Recordings { get; set; } = new();

    public AttachmentSettings Attachments { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    public SignInSettings SignIn { get; set; } = new();
}

public enum HostingMode
{
    Embedded,
    Cluster,
}

public sealed class CtiSettings
{
    /// <summary>The softswitch's X-Api-Key. Empty: a random key is made at start-up and logged once.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>POST /cti/active-calls leaves alone calls whose last change is younger than this (they may be newer than the switch's list).</summary>
    public int ActiveCallsGraceSeconds { get; set; } = 10;

    /// <summary>
    /// How many events one adapter connection may have in progress at once on /hubs/cti (1–1,024). Events of different
    /// calls then run side by side; an adapter sends a call's next event after the previous one was answered. At the
    /// limit SignalR stops reading the connection, so every later event waits behind the slowest: at 1,000 call cycles a
    /// second 128 held up even the offers that met no pause of the host, hence the most by default.
    /// </summary>
    public int ParallelEvents { get; set; } = 1024;
}

public sealed class DemoSettings
{
    /// <summary>Create one user per role (admin, supervisor, grader, agent1…, duty1…, liaison1). Default: on in embedded mode.</summary>
    public bool? SeedUsers { get; set; }
}

public sealed class SimulatorSettings
{
    public bool Enabled { get; set; }

    /// <summary>Average inbound calls per minute (Poisson arrivals).</summary>
    public double CallsPerMinute { get; set; } = 6;

    public double MeanTalkSeconds { get; set; } = 60;

    /// <summary>Each answered call is recorded (stereo G.711), at most this many seconds of it; 0: no recordings.</summary>
    public int RecordSeconds { get; set; } = 30;

    /// <summary>Average time a caller waits before hanging up.</summary>
    public double MeanPatienceSeconds { get; set; } = 90;

    public int Seats { get; set; } = 12;
}

public sealed class RecordingSettings
{
    /// <summary>Where recordings are kept; default "recordings" under the data directory. In a cluster: a directory every host shares.</summary>
    public string? Directory { get; set; }

    /// <summary>The softswitch's recording store, from which it may report recordings by path; none: uploads only.</summary>
    public string? ImportDirectory { get; set; }

    /// <summary>The largest upload accepted, in megabytes (an hour of stereo G.711 is about 58 MB).</summary>
    public int MaxUploadMegabytes { get; set; } = 200;
}

public sealed class AttachmentSettings
{
    /// <summary>Where work-order attachments are kept; a directory every host shares in a cluster. Default: {DataDir}/attachments.</summary>
    public string? Directory { get; set; }
}
