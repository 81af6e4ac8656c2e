using CallCenter.LoadTests;
using CallCenter.LoadTests.Failover;

// Load harnesses, each with a baseline measured in the same run:
//   offers     full call cycles from a softswitch in a second process: call posted → offer command on /hubs/cti,
//              against GET /healthz; durable writes per cycle
//   wallboard  seat state change in the grains → batch received by N supervisors (a second process), against IHubContext alone
//   signin     N concurrent sign-ins → GET /healthz latency meanwhile, against /healthz at rest
//   records    call-record ingest through the store's writer, then filtered searches over it (SQLite or PostgreSQL)
//   audit      supervisor messages (one audit line each) with 1,000 and with 50,000 lines already in the day
//   connections  N idle supervisor connections from several client processes: the host's memory per connection
//   ranking    a dispatch's ranking of waiting calls as the queue grows: one pass against the whole order sorted
//   profile    where a host's CPU went, from a dotnet-trace of a run (on-CPU samples by CallCenter class and by assembly)
//   failover   PostgreSQL and three host processes under softswitch traffic; SIGKILL of the host holding the board
//              and the command bus, twice, then a full restart: detection, offers undelivered, calls lost, tiles right
switch (args.FirstOrDefault())
{
    case "offers":
        await OfferLatency.Run(args[1..]);
        break;
    case "wallboard":
        await WallboardLatency.Run(args[1..]);
        break;
    case "signin":
        await SignInBurst.Run(args[1..]);
        break;
    case "records":
        await CallHistoryLoad.Run(args[1..]);
        break;
    case "audit":
        await AuditAppend.Run(args[1..]);
        break;
    case "failover":
        await FailoverRun.Run(args[1..]);
        break;
    case "connections":
        await IdleConnections.Run(args[1..]);
        break;
    case "idle-clients":
        await IdleConnections.Clients(args[1..]);
        break;
    case "profile":
        ProfileReport.Run(args[1..]);
        break;
    case "softswitch":
        await SoftswitchDriver.Run(args[1..]);
        break;
    case "ranking":
        QueueRanking.Run(args[1..]);
        break;
    case "wallboard-clients":
        await WallboardClients.Run(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: offers [callsPerSecond seconds seats http|hub warmUpSeconds] | wallboard [eventsPerSecond seconds seats clients] | signin [signIns] | records [sqlite|postgres days seats callsPerSeat] | audit [seconds clients small large] | failover [runs seats callsPerSecond] | connections [count processes quietSeconds stream|hub] | ranking [seconds] | profile trace.nettrace [rows]");
        return 2;
}

return 0;
