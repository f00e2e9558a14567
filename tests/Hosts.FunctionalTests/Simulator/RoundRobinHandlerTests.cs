using System.Net;
using System.Net.Sockets;
using System.Text;
using SmartKiosk.Samples.KioskSimulator.Client;

namespace SmartKiosk.Hosts.FunctionalTests.Simulator;

/// <summary>
/// The simulator's round robin over gateway replicas (used by the scale-out load benchmark and <c>--gateway a,b</c>),
/// over real sockets: two tiny HTTP servers and a port nobody listens on (a replica that is down refuses the connection).
/// </summary>
public sealed class RoundRobinHandlerTests
{
    [Fact]
    public async Task Requests_take_each_replica_in_turn_and_pass_over_one_that_refuses_connections()
    {
        using var b = ReplyingServer.Start("B");
        using var c = ReplyingServer.Start("C");
        var down = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        using var http = new HttpClient(new RoundRobinHandler([down, b.Address, c.Address], new SocketsHttpHandler())) { BaseAddress = down };

        var answers = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            answers.Add(await http.GetStringAsync(new Uri($"/api/kiosk/dossiers/{i}", UriKind.Relative)));
        }

        // Every request answered, by both live replicas, each with the path it was sent.
        Assert.All(answers, a => Assert.Matches("^[BC] /api/kiosk/dossiers/[0-9]$", a));
        Assert.Contains(answers, a => a.StartsWith('B'));
        Assert.Contains(answers, a => a.StartsWith('C'));
    }

    [Fact]
    public async Task When_every_replica_refuses_the_error_reaches_the_caller()
    {
        var first = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var second = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        using var http = new HttpClient(new RoundRobinHandler([first, second], new SocketsHttpHandler())) { BaseAddress = first };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    /// <summary>Answers every request with its name and the request's path, then closes the connection.</summary>
    private sealed class ReplyingServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();

        private ReplyingServer(TcpListener listener, string name)
        {
            _listener = listener;
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            _ = ServeAsync(name);
        }

        public Uri Address { get; }

        public static ReplyingServer Start(string name)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new ReplyingServer(listener, name);
        }

        private async Task ServeAsync(string name)
        {
            try
            {
                await ServeEachAsync(name);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }

        private async Task ServeEachAsync(string name)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[1024];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                var body = $"{name} {request.ToString().Split(' ')[1]}";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
