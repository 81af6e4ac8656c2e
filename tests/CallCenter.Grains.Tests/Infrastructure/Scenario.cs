using Microsoft.Extensions.DependencyInjection;
namespace CallCenter.Grains.Tests.Infrastructure;

/// <summary>Builds queues, seats and calls with ids unique to one test, so tests sharing a cluster never meet.</summary>
public sealed class Scenario(ClusterFixture fixture)
{
    private readonly string prefix = Guid.NewGuid().ToString("N")[..8];
    private int calls;

    public IGrainFactory Grains => fixture.Client;

    public FakeTimeProvider Time => fixture.Time;

    public T Store<T>() where T : notnull => fixture.Store.GetRequiredService<T>();

    public ICtiGateway Cti => Grains.GetGrain<ICtiGateway>(0);

    public string Id(string name) => $"{prefix}-{name}";

    public async Task<string> Queue(string name, RoutingStrategy strategy = RoutingStrategy.LongestIdle, int ring = 20, int serviceLevel = 20, OverflowRule? overflow = null)
    {
        var id = Id(name);
        await Grains.GetGrain<IQueueGrain>(id).Define(new QueueDefinition(name, strategy, serviceLevel, ring, overflow));
        return id;
    }

    public ISeatGrain Seat(string seatId) => Grains.GetGrain<ISeatGrain>(seatId);

    public IQueueGrain QueueGrain(string queueId) => Grains.GetGrain<IQueueGrain>(queueId);

    public ICallGrain Call(string callId) => Grains.GetGrain<ICallGrain>(callId);

    /// <summary>A seat defined, logged in and Ready (a remote seat gets its phone registered first).</summary>
    public async Task<string> ReadySeat(string name, bool remote = false, params (string Queue, int Level)[] skills)
    {
        var id = await DefinedSeat(name, remote, skills);
        await Seat(id).Login(Agent(name));
        if (remote)
        {
            await Seat(id).PhoneRegistration(true);
        }

        await Seat(id).ChangeState(SeatState.Ready, null);
        return id;
    }

    /// <summary>The agent <see cref="ReadySeat"/> logs in at seat <paramref name="name"/>: one per seat and test, since an agent holds one seat.</summary>
    public string Agent(string seatName) => Id("agent-" + seatName);

    public async Task<string> DefinedSeat(string name, bool remote = false, params (string Queue, int Level)[] skills)
    {
        var id = Id(name);
        await Seat(id).Define(new SeatDefinition(name, "纳税服务科", remote, skills.Select(s => new SeatSkill(s.Queue, s.Level)).ToArray()));
        return id;
    }

    public async Task<string> Arrive(string queueId, int priority = 0, string caller = "13812345678")
    {
        var id = Id($"call{Interlocked.Increment(ref calls)}");
        await Cti.CallArrived(id, new CallArrival(caller, queueId, priority));
        return id;
    }

    /// <summary>A queue with one seat that answered a call of it and hung up (the seat's wrap-up runs).</summary>
    public async Task<(string Queue, string Seat, string Call)> CallInWrapUp()
    {
        var q = await Queue("q");
        var seat = await ReadySeat("s", false, (q, 3));
        var call = await Arrive(q);
        await CallIn(call, CallState.Offered);
        await Cti.CallAnswered(call, seat);
        await Cti.CallEnded(call);
        return (q, seat, call);
    }

    public Task<CallSnapshot> CallIn(string callId, CallState state) =>
        Eventually.Until(() => Call(callId).Get(), c => c.State == state, $"call {callId} to be {state}");

    public Task<SeatSnapshot> SeatIn(string seatId, SeatState state) =>
        Eventually.Until(() => Seat(seatId).Get(), s => s.State == state, $"seat {seatId} to be {state}");

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));
}
