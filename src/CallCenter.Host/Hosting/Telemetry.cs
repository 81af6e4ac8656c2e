using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallCenter.Host.Hosting;

public static class Telemetry
{
    public const string MeterName = "CallCenter";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CtiEvents = Meter.CreateCounter<long>("callcenter.cti.events", description: "Softswitch events received, by kind");

    /// <summary>Metrics (Prometheus at /metrics) and, when OTEL_EXPORTER_OTLP_ENDPOINT is set, traces over OTLP.</summary>
    public static void AddCallCenterTelemetry(this IServiceCollection services)
    {
        var otel = services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(MeterName)
                .AddPrometheusExporter());

        // Traces only when there is somewhere to send them: recording a span for every grain call costs CPU on the hot path.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddOtlpExporter());
        }
    }
}
