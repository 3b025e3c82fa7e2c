using IgnitionToolkit.Testing;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>Settings shared by the AppHost tests: the RabbitMQ server, free ports, a private data folder and bus prefix.</summary>
public static class TestSettings
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static string RabbitMq => TestServices.RabbitMq;

    /// <summary>Command-line configuration for the AppHost: connection strings instead of containers, no fixed ports.</summary>
    public static string[] AppHostArgs(string dataDirectory, string busPrefix) =>
    [
        $"ConnectionStrings:messaging={RabbitMq}",
        "Toolkit:Database=sqlite",
        $"Toolkit:DataDirectory={dataDirectory}",
        $"Toolkit:Bus:Prefix={busPrefix}",
        $"Toolkit:Ports:Api={FreePort()}",
        $"Toolkit:Ports:Runner={FreePort()}",
        $"Toolkit:Ports:Web={FreePort()}",
        $"Toolkit:Auth:AdminPassword={AdminPassword}",
    ];

    /// <summary>The first admin's password the tests give the AppHost (the API creates the admin from it).</summary>
    public static readonly string AdminPassword = "apphost-test-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ignition-toolkit-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static int FreePort() => TestPorts.Free();
}
