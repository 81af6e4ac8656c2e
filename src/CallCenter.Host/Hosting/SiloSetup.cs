using CallCenter.History;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;
using CallCenter.Storage;
using CallCenter.Storage.PostgreSql;
using Orleans.Configuration;

namespace CallCenter.Host.Hosting;

public static class SiloSetup
{
    public static void UseCallCenterSilo(this WebApplicationBuilder builder, CallCenterSettings settings)
    {
        builder.Services.AddSingleton(new CallCenterClock(TimeProvider.System, CallCenterClock.FindZone(settings.TimeZone)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CtiFlow>();
        builder.Services.Configure<SeatOptions>(builder.Configuration.GetSection("CallCenter:Seats"));
        builder.Services.AddOptions<CallCenter.Reporting.RetentionOptions>()
            .Bind(builder.Configuration.GetSection("CallCenter:Retention"))
            .Validate(o => o is { CallRecordsDays: >= 0, RecordingsDays: >= 0, AuditDays: >= 0 }, "CallCenter:Retention:*Days are whole days, 0 (keep for ever) or more.")
            .ValidateOnStart();
        builder.Services.Configure<CallCenter.Monitoring.AlertRules>(builder.Configuration.GetSection("CallCenter:Alerts"));
        builder.Services.Configure<CallCenter.Calendar.OfficeHours>(builder.Configuration.GetSection("CallCenter:OfficeHours"));
        builder.Services.Configure<CallCenter.Grading.GradingOptions>(builder.Configuration.GetSection("CallCenter:Grading"));
        builder.Services.Configure<CallCenter.WorkOrders.WorkOrderLimits>(builder.Configuration.GetSection("CallCenter:WorkOrders"));
        builder.UseOrleans(silo =>
        {
            ConfigureSilo(silo, settings, builder.Configuration.GetConnectionString("Postgres"));
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("CallCenter:Membership"));
            if (settings.Dashboard)
            {
                silo.AddDashboard();
            }
        });
    }

    /// <summary>The silo's storage and clustering by mode; shared with the multi-silo tests.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, CallCenterSettings settings, string? postgres)
    {
        RememberedInterfaceTypes.Install(silo.Services);
        silo.Services.AddSingleton<CallCenter.Monitoring.MonitorInbox>();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        if (settings.Mode == HostingMode.Cluster)
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                throw new InvalidOperationException("Cluster mode needs ConnectionStrings__Postgres.");
            }

            if (settings.MigrateOnStart)
            {
                PostgresMigrator.MigrateAsync(postgres).GetAwaiter().GetResult();
            }

            silo.UseCallCenterPostgresClustering(postgres);
            if (settings.Kubernetes)
            {
                silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (settings.SiloPort, settings.GatewayPort));
                silo.UseKubernetesHosting();
            }
            else
            {
                var auto = settings.AdvertisedAddress == "auto";
                silo.ConfigureEndpoints(AdvertisedAddress(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: auto);
            }

            silo.UseCallCenterPostgres(postgres, StorageNames.Grains);
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            silo.UseCallCenterSqlite(settings.SqlitePath, StorageNames.Grains);
        }

        // The query store is brought to this release before the silo can write to it.
        var history = settings.History(postgres);
        var leftApart = HistorySetup.Migrate(history, settings.Legacy(postgres)).GetAwaiter().GetResult();
        silo.Services.AddCallCenterHistory(history);
        if (leftApart.Count > 0)
        {
            silo.Services.AddHostedService(sp => new StartupWarning(sp.GetRequiredService<ILogger<StartupWarning>>(),
                $"The audit trail of {string.Join(", ", leftApart)} has lines in an older release's grain state and in the query store: the old lines stay in grain state (two chains are never merged). Were hosts of both releases running at once?"));
        }
    }

    /// <summary>"auto" (containers, pods) takes this machine's first IPv4 address; otherwise the configured one.</summary>
    private static System.Net.IPAddress AdvertisedAddress(string configured) =>
        configured == "auto"
            ? System.Net.Dns.GetHostAddresses(System.Net.Dns.GetHostName()).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))
            : System.Net.IPAddress.Parse(configured);
}
