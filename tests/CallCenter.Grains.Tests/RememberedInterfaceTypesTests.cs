using CallCenter.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Grains.Tests;

public sealed class RememberedInterfaceTypesTests
{
    [Fact]
    public void Each_interface_is_asked_of_the_attributes_once_and_answered_the_same_after()
    {
        var attributes = new CountingProvider();
        var remembered = new RememberedInterfaceTypes(attributes);

        var first = (remembered.TryGetGrainInterfaceType(typeof(IQueueGrain), out var a), a);
        var second = (remembered.TryGetGrainInterfaceType(typeof(IQueueGrain), out var b), b);
        var none = (remembered.TryGetGrainInterfaceType(typeof(IDisposable), out var c), c);
        remembered.TryGetGrainInterfaceType(typeof(IDisposable), out _);

        Assert.Equal((true, GrainInterfaceType.Create("queue-interface")), first);
        Assert.Equal(first, second);
        Assert.Equal((false, default(GrainInterfaceType)), none);
        Assert.Equal(2, attributes.Asked);
    }

    [Fact]
    public void It_takes_the_place_of_the_attribute_provider_in_a_silo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGrainInterfaceTypeProvider, CountingProvider>();
        services.AddSingleton<IGrainInterfaceTypeProvider, AttributeGrainInterfaceTypeProvider>();

        RememberedInterfaceTypes.Install(services);

        var providers = services.BuildServiceProvider().GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.IsType<CountingProvider>(providers[0]);
        Assert.IsType<RememberedInterfaceTypes>(providers[1]);
        Assert.Equal(2, providers.Count);
    }

    private sealed class CountingProvider : IGrainInterfaceTypeProvider
    {
        public int Asked { get; private set; }

        public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
        {
            Asked++;
            grainInterfaceType = type == typeof(IQueueGrain) ? GrainInterfaceType.Create("queue-interface") : default;
            return type == typeof(IQueueGrain);
        }
    }
}
