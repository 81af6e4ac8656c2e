using Microsoft.Extensions.DependencyInjection;

namespace CallCenter;

/// <summary>
/// Orleans reads a grain interface's attributes on every <c>GetGrain</c> to learn its interface type (3–4 % of a busy
/// host's CPU in the ACD profile). Attributes never change while the process runs, so this keeps what Orleans'
/// own attribute provider answered for each interface, yes or no, and gives the same answer after that.
/// </summary>
public sealed class RememberedInterfaceTypes(IGrainInterfaceTypeProvider attributes) : IGrainInterfaceTypeProvider
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (bool Found, GrainInterfaceType Type)> known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        var (found, remembered) = known.GetOrAdd(type, t => attributes.TryGetGrainInterfaceType(t, out var fresh) ? (true, fresh) : (false, default));
        grainInterfaceType = remembered;
        return found;
    }

    /// <summary>Puts this in the place of Orleans' attribute provider, where the providers are asked in order.</summary>
    public static void Install(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider) && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
            {
                services[i] = ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider>(sp => new RememberedInterfaceTypes(new AttributeGrainInterfaceTypeProvider(sp)));
            }
        }
    }
}
