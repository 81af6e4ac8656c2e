using Orleans.Dashboard;
using System.Text.Json.Serialization;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using Scalar.AspNetCore;

namespace CallCenter.Host;

/// <summary>Builds the host: one process is one Orleans silo plus the web front (API, hubs, pages).</summary>
public static class CallCenterApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Configuration.GetSection(CallCenterSettings.Section).Get<CallCenterSettings>() ?? new CallCenterSettings();
        if (builder.Configuration.GetSection("CallCenter:Simulator:Enabled").Value is null)
        {
            settings.Simulator.Enabled = settings.Mode == HostingMode.Embedded;
        }

        builder.Services.AddSingleton(settings);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
            StrictJson.Apply(o.SerializerOptions);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi(options =>
        {
            OpenApiNames.Apply(options);
            OpenApiSecurity.Apply(options);
        });
        // MessagePack only where it pays: the wallboard's fan-out. Every other hub speaks JSON alone.
        builder.Services.AddSignalR(o =>
        {
            Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<LiveSessionHubFilter>(o);
            o.SupportedProtocols = ["json"];
        }).AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            StrictJson.Apply(o.PayloadSerializerOptions);
        }).AddMessagePackProtocol()
        .AddHubOptions<MonitorHub>(o => o.SupportedProtocols = ["json", "messagepack"])
        .AddHubOptions<CtiHub>(o => o.MaximumParallelInvocationsPerClient = Math.Clamp(settings.Cti.ParallelEvents, 1, 1024));
        builder.Services.AddHostedService<IdentityBootstrap>(); // before data protection reads its key table
        builder.Services.AddCallCenterIdentity(settings, builder.Configuration);
        builder.Services.AddCallCenterWebSecurity(settings);
        builder.Services.AddCallCenterTelemetry();
        builder.UseCallCenterSilo(settings);
        builder.Services.AddHostedService<CtiCommandRelay>();
        builder.Services.AddSingleton<MonitorScopes>();
        builder.Services.AddSingleton<WallStreams>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WallStreams>());
        builder.Services.AddSingleton<WallTickets>();
        builder.Services.AddSingleton<WallConnections>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(WallConnections.Add));
        builder.Services.AddSingleton<CallCenter.Host.Recording.RecordingStore>();
        builder.Services.AddSingleton<CallCenter.Reporting.IRecordingFiles>(sp => sp.GetRequiredService<CallCenter.Host.Recording.RecordingStore>());
        builder.Services.AddHostedService<RetentionSchedule>();
        builder.Services.AddSingleton<CallCenter.Host.Recording.PlaybackAudit>();
        builder.Services.AddHostedService<MonitorRelay>();
        builder.Services.AddHostedService<WorkOrderRelay>();
        builder.Services.AddHostedService<WorkOrderMetrics>();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddHostedService<MonitorMetrics>();
        builder.Services.AddHostedService<GradingSetup>();
        if (settings.Simulator.Enabled)
        {
            builder.Services.AddHostedService<TrafficSimulator>();
            builder.Services.AddHostedService<DutyDemo>();
            builder.Services.AddHostedService<WorkOrderDemo>();
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseCallCenterPages();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseLiveSessionsOnly();
        app.UsePasswordChangeFirst();
        app.UseRequestForgeryCheck();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = WallStreams.KeepAliveInterval, KeepAliveTimeout = WallStreams.KeepAliveTimeout });
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Everything /docs needs is served by this host: no web fonts, telemetry or assistant from elsewhere.
        app.MapScalarApiReference("/docs", o => o.DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools()
            .AddPreferredSecuritySchemes(OpenApiSecurity.Bearer)).AllowAnonymous();
        app.MapGet("/healthz", () => TypedResults.Text("Healthy")).AllowAnonymous().WithTags("Health");
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireSaneArguments();
        api.MapGroup("/auth").MapAuthApi();
        api.MapGroup("/users").MapUsersApi();
        api.MapGroup("/queues").MapQueuesApi();
        api.MapGroup("/seats").MapSeatsApi().MapSupervisionApi().MapScreenPopApi();
        api.MapGroup("/audit").MapAuditApi();
        api.MapGroup("/cluster").MapClusterApi();
        api.MapGroup("/alerts").MapAlertsApi();
        api.MapGroup("/wallboard").MapWallTickets();
        api.MapGroup("/calls").MapCallsApi().MapRecordingPlayback();
        api.MapGroup("/call-records").MapCallRecordsApi();
        api.MapGroup("/reports").MapReportsApi();
        api.MapGroup("/retention").MapRetentionApi();
        api.MapGroup("/cti").MapCtiApi().MapRecordingIngest();
        api.MapGroup("/calendar").MapCalendarApi();
        api.MapGroup("/duty").MapDutyApi();
        api.MapGroup("/knowledge").MapKnowledgeApi();
        api.MapGroup("/work-orders").MapWorkOrdersApi();
        api.MapGroup("/grading").MapGradingApi().MapSampling().MapCorrections().MapCalibration().MapQualityReports();
        app.MapHub<CtiHub>("/hubs/cti");
        app.MapHub<MonitorHub>("/hubs/monitor");
        app.MapWallStream();
        app.MapHub<WorkOrderHub>("/hubs/work-orders");
        if (settings.Dashboard)
        {
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(Policies.Administration).ExcludeFromDescription();
        }
        return app;
    }
}
