global using Orleans;
global using Orleans.Runtime;
global using Orleans.Storage;
global using Xunit;
