using System.Net;
using System.Net.Sockets;

namespace SmartKiosk.TestSupport;

/// <summary>A loopback TCP port that was free a moment ago, for a server that cannot bind port 0 itself.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
