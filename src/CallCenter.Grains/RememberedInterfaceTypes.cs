using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace CallCenter;

/// <summary>
/// Orleans reads a grain interface's attributes on every <c>GetGrain</c> to learn its interface type (3–4 % of a busy
/// host's CPU in the ACD profile). Attributes never change while the process runs, so this keeps what Orleans'
/// own attribute provider answered for each interface, yes or no, and gives the same answer after that. An interface
/// no provider names then gets its type from Orleans' naming convention, which formats the type's name anew on every
/// <c>GetGrain</c> (1.8 % of the CPU at 800 calls a second): <see cref="Conventions"/>, asked last, keeps that too.
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

    /// <summary>
    /// Puts this in the place of Orleans' attribute provider, where the providers are asked in order, and the
    /// remembered conventions after every provider.
    /// </summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton<IGrainInterfaceTypeProvider>(sp => new Conventions(() => sp.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention));
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider) && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
            {
                services[i] = ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider>(sp => new RememberedInterfaceTypes(new AttributeGrainInterfaceTypeProvider(sp)));
            }
        }
    }

    /// <summary>
    /// The type Orleans' convention gives an interface no provider named, worked out once per interface. Asked after
    /// every other provider, it answers what the resolver's own fallback would. Generic interfaces are left to that
    /// fallback: the resolver adds their type arguments to a provider's answer.
    /// </summary>
    public sealed class Conventions(Func<Func<Type, GrainInterfaceType>> convention) : IGrainInterfaceTypeProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, GrainInterfaceType> known = new();

        public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
        {
            if (!type.IsInterface || type.IsGenericType)
            {
                grainInterfaceType = default;
                return false;
            }

            grainInterfaceType = known.GetOrAdd(type, t => convention()(t));
            return true;
        }
    }
}
