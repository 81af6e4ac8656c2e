using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallCenter.Host.Hosting;

public static class Telemetry
{
    public const string MeterName = "CallCenter";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CtiEvents = Meter.CreateCounter<long>("callcenter.cti.events", description: "Softswitch events received, by kind");

    /// <summary>Metrics (Prometheus at /metrics) and traces (OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set).</summary>
    public static void AddCallCenterTelemetry(this IServiceCollection services)
    {
        var otel = services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(MeterName)
                .AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
                {
                    t.AddOtlpExporter();
                }
            });
    }
}
