using System.Collections.Concurrent;
using System.Net.Http.Json;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Host;

/// <summary>
/// The embedded demo's softswitch and agents. As the softswitch it speaks only the public CTI contract: events over
/// HTTP with the API key, commands from /hubs/cti. Poisson arrivals, ring and talk times, impatient callers who
/// abandon, remote phones that flap. As the agents it logs seats in and takes breaks.
/// </summary>
public sealed class TrafficSimulator(
    IServer server,
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    CallCenterSettings settings,
    CtiKey key,
    ILogger<TrafficSimulator> logger) : BackgroundService
{
    private static readonly (string Id, string Name)[] DemoQueues =
        [("invoice", "发票业务 Invoices"), ("iit", "个人所得税 Individual income tax"), ("tax-device", "税控设备 Tax-control devices")];

    private readonly ConcurrentDictionary<string, bool> ringing = new();
    private readonly Random random = new();
    private HttpClient http = null!;
    private int callNumber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        var baseAddress = OwnAddress();
        http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key.Value);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/cti"), o => o.Headers[ApiKeyAuthentication.Header] = key.Value)
            .WithAutomaticReconnect()
            .Build();
        hub.On<CtiCommand>(nameof(ICtiAdapter.Command), command => OnCommand(command, stoppingToken));
        try
        {
            await hub.StartAsync(stoppingToken);
            var seats = await PrepareDemo();
            logger.LogInformation("Traffic simulator running: {Rate} calls/min over {Seats} seats at {Address}", settings.Simulator.CallsPerMinute, seats.Count, baseAddress);
            await Task.WhenAll(Arrivals(stoppingToken), PhoneFlaps(seats, stoppingToken), Breaks(seats, stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Traffic simulator stopped");
        }
    }

    private async Task<List<string>> PrepareDemo()
    {
        foreach (var (id, name) in DemoQueues)
        {
            if (!await QueuesApi.Exists(grains, id))
            {
                await grains.GetGrain<IQueueGrain>(id).Define(new QueueDefinition(name, RoutingStrategy.LongestIdle, 20, 15,
                    id == "tax-device" ? new OverflowRule(120, "invoice") : null));
            }
        }

        var seats = new List<string>();
        for (var i = 1; i <= settings.Simulator.Seats; i++)
        {
            var seatId = $"S{i:00}";
            seats.Add(seatId);
            var seat = grains.GetGrain<ISeatGrain>(seatId);
            SeatSnapshot snapshot;
            try
            {
                snapshot = await seat.Get();
            }
            catch (NotConfiguredException)
            {
                var skills = new List<SeatSkill> { new(DemoQueues[i % 3].Id, 5 - i % 4), new(DemoQueues[(i + 1) % 3].Id, 2) };
                snapshot = await seat.Define(new SeatDefinition($"座席 {i:00}", i % 2 == 0 ? "纳税服务科" : "征收管理科", Remote: i % 4 == 0, skills));
            }

            await http.PostAsJsonAsync($"api/v1/cti/phones/{seatId}", new { registered = true });
            if (snapshot.State == SeatState.LoggedOut)
            {
                snapshot = await seat.Login($"{SimulatedAgent}{i:00}");
            }

            if (Simulated(snapshot))
            {
                await TryReady(seatId);
            }
        }

        await PrepareDemoAgentSeats();
        return seats;
    }

    /// <summary>
    /// Seats D01… for the demo's people (agent1…), serving every demo queue, left logged out: the simulator never logs
    /// them in, never changes their state and never flaps their phone. It still plays the phone and the caller of the
    /// calls they get (there is no handset in a demo): an offer is picked up after a few seconds and the caller hangs up later.
    /// </summary>
    private async Task PrepareDemoAgentSeats()
    {
        for (var i = 1; i <= 3; i++)
        {
            var seatId = $"D{i:00}";
            if (!await SeatDefined(seatId))
            {
                await grains.GetGrain<ISeatGrain>(seatId).Define(new SeatDefinition(
                    $"演示座席 {i}", "纳税服务科", Remote: false, DemoQueues.Select(q => new SeatSkill(q.Id, 3)).ToArray()));
            }

            await http.PostAsJsonAsync($"api/v1/cti/phones/{seatId}", new { registered = true });
        }
    }

    private async Task<bool> SeatDefined(string seatId)
    {
        try
        {
            await grains.GetGrain<ISeatGrain>(seatId).Get();
            return true;
        }
        catch (NotConfiguredException)
        {
            return false;
        }
    }

    private const string SimulatedAgent = "sim-agent-";

    /// <summary>A seat the simulator plays the agent at; a person logged in anywhere is never driven.</summary>
    private static bool Simulated(SeatSnapshot seat) => seat.Agent?.StartsWith(SimulatedAgent, StringComparison.Ordinal) == true;

    private async Task Arrivals(CancellationToken stop)
    {
        var perSecond = Math.Max(0.01, settings.Simulator.CallsPerMinute / 60.0);
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Exponential(1 / perSecond), stop);
            var callId = $"sim-{DateTime.UtcNow:yyyyMMddHHmmss}-{Interlocked.Increment(ref callNumber)}";
            var queue = DemoQueues[random.Next(DemoQueues.Length)].Id;
            var caller = $"1{random.Next(30, 99)}{random.Next(10_000_000, 99_999_999)}";
            var response = await http.PostAsJsonAsync("api/v1/cti/calls", new { callId, caller, queue, priority = random.NextDouble() < 0.1 ? 5 : 0 }, stop);
            if (response.IsSuccessStatusCode)
            {
                _ = Patience(callId, stop);
            }
        }
    }

    /// <summary>The caller hangs up if nobody answered within their patience; some ask for a callback instead.</summary>
    private async Task Patience(string callId, CancellationToken stop)
    {
        await Task.Delay(Exponential(settings.Simulator.MeanPatienceSeconds), stop);
        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        if (call.State is CallState.Queued or CallState.Offered)
        {
            ringing.TryRemove(callId, out _);
            var action = random.NextDouble() < 0.2 ? "callback" : "abandoned";
            await http.PostAsync($"api/v1/cti/calls/{callId}/{action}", null, stop);
        }
    }

    private void OnCommand(CtiCommand command, CancellationToken stop)
    {
        if (command.Kind == CtiCommandKinds.CancelOffer)
        {
            ringing.TryRemove(command.CallId, out _);
            return;
        }

        ringing[command.CallId] = true;
        _ = Ring(command, stop);
    }

    private async Task Ring(CtiCommand offer, CancellationToken stop)
    {
        try
        {
            // Mostly answered in a few seconds; now and then the agent misses it.
            await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() < 0.08 ? 40 : 1 + random.NextDouble() * 4), stop);
            if (!ringing.TryRemove(offer.CallId, out _))
            {
                return;
            }

            var answered = await http.PostAsJsonAsync($"api/v1/cti/calls/{offer.CallId}/answered", new { seatId = offer.SeatId }, stop);
            if (!answered.IsSuccessStatusCode)
            {
                return;
            }

            var talk = Exponential(settings.Simulator.MeanTalkSeconds);
            await Task.Delay(talk, stop);
            await http.PostAsync($"api/v1/cti/calls/{offer.CallId}/ended", null, stop);
            if (settings.Simulator.RecordSeconds > 0)
            {
                var audio = SimulatedRecording.Create(Math.Clamp(talk.TotalSeconds, 3, settings.Simulator.RecordSeconds), Random.Shared);
                var body = new ByteArrayContent(audio) { Headers = { ContentType = new("audio/wav") } };
                await http.PostAsync($"api/v1/cti/calls/{offer.CallId}/recording?agentChannel=0", body, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Simulated call {CallId} failed", offer.CallId);
        }
    }

    private async Task PhoneFlaps(List<string> seats, CancellationToken stop)
    {
        var remote = seats.Where((_, i) => (i + 1) % 4 == 0).ToList();
        while (!stop.IsCancellationRequested && remote.Count > 0)
        {
            await Task.Delay(Exponential(180), stop);
            var seatId = remote[random.Next(remote.Count)];
            if (!Simulated(await grains.GetGrain<ISeatGrain>(seatId).Get()))
            {
                continue;
            }

            await http.PostAsJsonAsync($"api/v1/cti/phones/{seatId}", new { registered = false }, stop);
            await Task.Delay(TimeSpan.FromSeconds(10 + random.Next(20)), stop);
            await http.PostAsJsonAsync($"api/v1/cti/phones/{seatId}", new { registered = true }, stop);
        }
    }

    private async Task Breaks(List<string> seats, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stop);
            foreach (var seatId in seats)
            {
                var seat = await grains.GetGrain<ISeatGrain>(seatId).Get();
                var inState = DateTimeOffset.UtcNow - seat.Since;
                if (!Simulated(seat))
                {
                    continue;
                }

                if (seat.State == SeatState.Ready && random.NextDouble() < 0.01)
                {
                    await grains.GetGrain<ISeatGrain>(seatId).ChangeState(SeatState.NotReady, random.NextDouble() < 0.7 ? NotReadyReasons.Break : NotReadyReasons.Meeting);
                }
                else if (seat.State == SeatState.NotReady && seat.Reason != NotReadyReasons.PhoneOffline && inState > TimeSpan.FromSeconds(45))
                {
                    await TryReady(seatId);
                }
            }
        }
    }

    private async Task TryReady(string seatId)
    {
        try
        {
            await grains.GetGrain<ISeatGrain>(seatId).ChangeState(SeatState.Ready, null);
        }
        catch (IllegalTransitionException)
        {
            // busy with a call: it becomes Ready after wrap-up by itself
        }
    }

    private TimeSpan Exponential(double mean) => TimeSpan.FromSeconds(Math.Min(mean * 10, -mean * Math.Log(1 - random.NextDouble())));

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost"));
        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
