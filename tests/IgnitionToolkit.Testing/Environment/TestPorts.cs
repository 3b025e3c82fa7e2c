using System.Net;
using System.Net.Sockets;

namespace IgnitionToolkit.Testing;

/// <summary>Ports for servers a test starts (never the fixed ports of a running toolkit or CI).</summary>
public static class TestPorts
{
    /// <summary>A TCP port nothing listens on at the moment (127.0.0.1), picked by the OS.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
