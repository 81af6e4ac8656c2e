using CallCenter.LoadTests;

// Load harnesses, each with a baseline measured in the same run:
//   offers     call posted by the softswitch → offer command on /hubs/cti, against GET /healthz
//   wallboard  seat state change in the grains → batch received by N supervisors (a second process), against IHubContext alone
//   signin     N concurrent sign-ins → GET /healthz latency meanwhile, against /healthz at rest
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
    case "wallboard-clients":
        await WallboardClients.Run(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: offers [callsPerSecond seconds seats] | wallboard [eventsPerSecond seconds seats clients] | signin [signIns]");
        return 2;
}

return 0;
