global using CallCenter.Calls;
global using CallCenter.Routing;
global using CallCenter.Seats;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
