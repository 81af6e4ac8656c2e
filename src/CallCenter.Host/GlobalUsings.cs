global using CallCenter.Calendar;
global using CallCenter.Calls;
global using CallCenter.Routing;
global using CallCenter.Seats;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Orleans;
