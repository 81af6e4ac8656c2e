using System.Security.Claims;
using CallCenter.Audio;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Host.Recording;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Host;

/// <summary>Recordings: the softswitch reports them, authorised people play them (every playback audited).</summary>
public static class RecordingApi
{
    public sealed record ImportRequest(string? Path, int? AgentChannel);

    public sealed record RecordingView(string CallId, double DurationSeconds, int AgentChannel, string Sha256, long Bytes, Audio.Analysis.TalkAnalytics Analytics);

    public static RouteGroupBuilder MapRecordingIngest(this RouteGroupBuilder cti)
    {
        cti.MapPost("/calls/{callId}/recording", Ingest);
        return cti;
    }

    public static RouteGroupBuilder MapRecordingPlayback(this RouteGroupBuilder calls)
    {
        calls.MapGet("/{callId}/recording", Play).RequireAuthorization(Policies.CallReading);
        calls.MapGet("/{callId}/recording/analysis", Analysis).RequireAuthorization(Policies.CallReading);
        return calls;
    }

    /// <summary>
    /// JSON <c>{path, agentChannel}</c> names a file in the softswitch's recording store (CallCenter:Recordings:ImportDirectory);
    /// any other body is the recording itself (WAV in any layout the audio core reads, or MP3 etc. through ffmpeg), with ?agentChannel=.
    /// </summary>
    private static async Task<IResult> Ingest(string callId, int? agentChannel, HttpContext http, IGrainFactory grains, RecordingStore store, CallCenterSettings settings, CallCenterClock clock, CallCenter.Grading.IRecordedCalls recorded)
    {
        var check = new Validation().Id("callId", callId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        using var ingest = store.BeginIngest(callId);
        if (ingest is null)
        {
            return TypedResults.Problem($"A recording of call '{callId}' is being stored right now; send it again once that finishes.", statusCode: 409);
        }

        string? upload = null;
        try
        {
            string source;
            int channel;
            if (http.Request.HasJsonContentType())
            {
                var request = await http.Request.ReadFromJsonAsync<ImportRequest>();
                channel = request?.AgentChannel ?? 0;
                if (string.IsNullOrWhiteSpace(request?.Path) || store.Importable(request.Path) is not { } found)
                {
                    return check.Require("path", false, settings.Recordings.ImportDirectory is null
                        ? "No recording store is configured (CallCenter__Recordings__ImportDirectory): upload the file as the request body instead."
                        : "'path' must name an existing file inside the recording store.").Problem();
                }

                source = found;
            }
            else
            {
                channel = agentChannel ?? 0;
                var limit = settings.Recordings.MaxUploadMegabytes * 1024L * 1024L;
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }

                if (http.Request.ContentLength > limit)
                {
                    return TooLarge();
                }

                upload = Path.Combine(Path.GetTempPath(), $"cc-upload-{Guid.NewGuid():N}");
                await using (var file = File.Create(upload))
                {
                    await http.Request.Body.CopyToAsync(file);
                }

                source = upload;
            }

            if (channel is not (0 or 1))
            {
                return check.Require("agentChannel", false, "'agentChannel' is 0 (left) or 1 (right).").Problem();
            }

            var (location, stored) = await store.Ingest(call.CallId, source, channel, clock.Now);
            await grains.GetGrain<ICallGrain>(callId).AttachRecording(new RecordingReference(location, channel));
            await Sample.Index(recorded, clock, call, stored.Analytics);
            Telemetry.CtiEvents.Add(1, new KeyValuePair<string, object?>("kind", "recording"));
            return TypedResults.Created($"/api/v1/calls/{callId}/recording", View(call.CallId, stored));
        }
        catch (Exception e) when (e is AudioFormatException or ArgumentOutOfRangeException)
        {
            return check.Require("recording", false, $"The recording could not be read: {e.Message}").Problem();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return TooLarge();
        }
        finally
        {
            if (upload is not null)
            {
                File.Delete(upload);
            }
        }

        IResult TooLarge() => TypedResults.Problem($"A recording may be at most {settings.Recordings.MaxUploadMegabytes} MB.", statusCode: 413);
    }

    /// <summary>
    /// The recording as 16-bit PCM WAV with range requests (206, 416; a Range that RFC 9110 does not allow is ignored and
    /// the whole file sent) and an ETag. Every response is a hearing and is audited once per person, call and sitting.
    /// </summary>
    private static async Task<IResult> Play(string callId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, RecordingStore store, PlaybackAudit audit)
    {
        var (call, refused) = await Recorded(callId, user, grains);
        if (refused is not null)
        {
            return refused;
        }

        var stored = await store.Analysis(call!.Recording!.Location);
        await audit.Heard(user.Identity!.Name!, callId, http.Request.Headers.Range.ToString() is { Length: <= 100 } range ? range : "(long Range header)");

        return TypedResults.PhysicalFile(store.WavPath(call.Recording.Location), "audio/wav", enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{stored.Sha256}\""));
    }

    private static async Task<IResult> Analysis(string callId, ClaimsPrincipal user, IGrainFactory grains, RecordingStore store)
    {
        var (call, refused) = await Recorded(callId, user, grains);
        if (refused is not null)
        {
            return refused;
        }

        var stored = await store.Analysis(call!.Recording!.Location);
        return TypedResults.Ok(new { recording = View(callId, stored), peaks = stored.Peaks });
    }

    private static async Task<(CallSnapshot? Call, IResult? Refused)> Recorded(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("callId", callId);
        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        if (await CallAccess.Reachable(callId, user, grains) is not { } call)
        {
            return (null, CallAccess.Refused(callId));
        }

        return call.Recording is null ? (null, TypedResults.Problem($"Call '{callId}' has no recording yet.", statusCode: 404)) : (call, null);
    }

    private static RecordingView View(string callId, RecordingStore.Stored s) => new(callId, s.DurationSeconds, s.AgentChannel, s.Sha256, s.Bytes, s.Analytics);
}
