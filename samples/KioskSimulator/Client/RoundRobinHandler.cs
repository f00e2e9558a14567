using System.Net.Sockets;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>
/// Sends each request to the next of several gateway replicas in turn, as the round-robin proxy in front of
/// them does (<c>docker/proxy/nginx.conf</c>): one citizen's session is spread over every replica, so a load run
/// also proves that any replica can answer any step of any dossier. Like nginx (<c>proxy_next_upstream error</c>,
/// <c>max_fails=1 fail_timeout=10s</c>), a replica that refuses the connection is passed over for
/// <see cref="DownFor"/> and the request, not yet sent, goes to the next one. Requests are signed before they
/// reach this handler; the signature covers the path, not the host, so it stays valid.
/// </summary>
public sealed class RoundRobinHandler : DelegatingHandler
{
    public static readonly TimeSpan DownFor = TimeSpan.FromSeconds(10);

    private readonly Uri[] _replicas;
    private readonly long[] _downUntil;
    private readonly TimeProvider _time;
    private int _next = -1;

    public RoundRobinHandler(IEnumerable<Uri> replicas, HttpMessageHandler inner, TimeProvider? time = null)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        _replicas = [.. replicas];
        if (_replicas.Length == 0)
        {
            throw new ArgumentException("At least one replica is needed.", nameof(replicas));
        }
        _downUntil = new long[_replicas.Length];
        _time = time ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        for (var tried = 1; ; tried++)
        {
            var index = Pick();
            var replica = _replicas[index];
            request.RequestUri = new UriBuilder(uri) { Scheme = replica.Scheme, Host = replica.Host, Port = replica.Port }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && tried < _replicas.Length)
            {
                Volatile.Write(ref _downUntil[index], (_time.GetUtcNow() + DownFor).UtcTicks);
            }
        }
    }

    /// <summary>The next replica in turn that is not passed over; if every one is, the next in turn.</summary>
    private int Pick()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var first = (int)((uint)Interlocked.Increment(ref _next) % (uint)_replicas.Length);
        for (var step = 0; step < _replicas.Length; step++)
        {
            var index = (first + step) % _replicas.Length;
            if (Volatile.Read(ref _downUntil[index]) <= now)
            {
                return index;
            }
        }
        return first;
    }
}
