using System.Net;
using System.Net.Sockets;

namespace Modular.Tests.Integration.Support;

public static class FreePorts
{
    /// <summary>A loopback port no one listens on now (the kernel's pick), for a process or container of the tests.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
