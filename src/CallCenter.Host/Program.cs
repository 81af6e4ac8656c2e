using CallCenter.Host;
using CallCenter.Host.Recording;

if (args.Length > 0 && args[0] == "audio")
{
    return AudioCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "probe")
{
    return await Commands.Probe(args[1..], Console.Out);
}

if (args.Length > 1 && args[0] == "audit" && args[1] == "verify")
{
    return await Commands.AuditVerify(args[2..], Console.Out);
}

if (args.Length > 0 && args[0] == "users")
{
    return await Commands.Users(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "migrate")
{
    return await Commands.Migrate(args[1..]);
}

var app = CallCenterApp.Build(args);
await app.RunAsync();
return 0;
