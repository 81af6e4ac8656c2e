using CallCenter.Host;

if (args.Length > 0 && args[0] == "migrate")
{
    return await Commands.Migrate(args[1..]);
}

var app = CallCenterApp.Build(args);
await app.RunAsync();
return 0;
