using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Tests.Playbooks.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class PlaybookServiceRegistrationTests
{
    private sealed class CatalogProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IStepCatalog) ? new TestCatalog()
            : serviceType == typeof(PlaybookLoaderOptions) ? PlaybookLoaderOptions.Default
            : null;
    }

    [Theory]
    [InlineData(typeof(IPlaybookLoader), typeof(PlaybookLoader))]
    [InlineData(typeof(ITemplateResolver), typeof(TemplateResolver))]
    [InlineData(typeof(IPlaybookMigrator), typeof(PlaybookMigrator))]
    public void Playbook_services_are_registered_as_singletons(Type service, Type implementation)
    {
        var services = new ServiceCollection().AddPlaybookServices();
        var descriptor = Assert.Single(services, d => d.ServiceType == service);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        var instance = descriptor.ImplementationFactory?.Invoke(new CatalogProvider())
            ?? Activator.CreateInstance(descriptor.ImplementationType!);
        Assert.IsType(implementation, instance);
    }

    [Fact]
    public void Registering_twice_does_not_duplicate()
    {
        var services = new ServiceCollection().AddPlaybookServices().AddPlaybookServices();
        Assert.Single(services, d => d.ServiceType == typeof(IPlaybookLoader));
    }
}
