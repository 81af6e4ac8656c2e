using CallCenter.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization;

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
        Assert.IsType<RememberedInterfaceTypes.Conventions>(providers[2]);
        Assert.Equal(3, providers.Count);
    }

    [Fact]
    public void An_interface_no_provider_names_gets_the_conventional_type_worked_out_once_and_generic_ones_are_left_to_orleans()
    {
        var (worked, asked) = (0, new List<Type>());
        var conventions = new RememberedInterfaceTypes.Conventions(() =>
        {
            worked++;
            return type =>
            {
                asked.Add(type);
                return GrainInterfaceType.Create("by-convention:" + type.Name);
            };
        });

        var first = (conventions.TryGetGrainInterfaceType(typeof(IQueueGrain), out var a), a);
        var second = (conventions.TryGetGrainInterfaceType(typeof(IQueueGrain), out var b), b);
        var generic = conventions.TryGetGrainInterfaceType(typeof(IGrainObserverOf<int>), out _);

        Assert.Equal((true, GrainInterfaceType.Create("by-convention:IQueueGrain")), first);
        Assert.Equal(first, second);
        Assert.False(generic);
        Assert.Equal([typeof(IQueueGrain)], asked);
    }

    [Fact]
    public void A_silo_resolves_every_grain_interface_to_the_type_orleans_convention_gives_it()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddSingleton<GrainInterfaceTypeResolver>();
        services.AddSingleton<IGrainInterfaceTypeProvider, AttributeGrainInterfaceTypeProvider>();
        RememberedInterfaceTypes.Install(services);
        var resolver = services.BuildServiceProvider().GetRequiredService<GrainInterfaceTypeResolver>();

        var interfaces = typeof(IQueueGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && !t.IsGenericType).ToList();

        Assert.NotEmpty(interfaces);
        Assert.All(interfaces, t => Assert.Equal(resolver.GetGrainInterfaceTypeByConvention(t), resolver.GetGrainInterfaceType(t)));
    }

    public interface IGrainObserverOf<T> : IGrainWithStringKey;

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
