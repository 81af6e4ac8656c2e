global using CallCenter.Calendar;
global using CallCenter.Calls;
global using CallCenter.Monitoring;
global using CallCenter.Routing;
global using CallCenter.Seats;
global using Microsoft.Extensions.Time.Testing;
global using Orleans;
global using Xunit;
