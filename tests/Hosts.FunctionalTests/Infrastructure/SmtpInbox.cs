using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback socket (the SmtpServer library, in process): what the gateway's
/// outbox sends arrives here as parsed MIME messages, awaited without polling.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _messages = Channel.CreateUnbounded<MimeMessage>();
    private readonly List<MimeMessage> _received = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource _stop = new();
    private Task _running;

    public SmtpInbox()
    {
        Port = LoopbackPort.Free();
        _running = Listen(_stop.Token);
    }

    /// <summary>Every message received so far, duplicates included (a message sent twice shows twice).</summary>
    public int Received => _received.Count + _messages.Reader.Count;

    /// <summary>The mail server goes down: the port refuses connections until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }

    /// <summary>The mail server is back, on the same port.</summary>
    public void Resume()
    {
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        _running = Listen(_stop.Token);
    }

    private Task Listen(CancellationToken stop)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages.Writer));
        return new SmtpServer.SmtpServer(options, services).StartAsync(stop);
    }

    public int Port { get; }

    /// <summary>The message with <paramref name="messageId"/>, once it has arrived.</summary>
    public Task<MimeMessage> WaitForAsync(string messageId, TimeSpan timeout) =>
        WaitForAsync(m => m.MessageId == messageId, timeout);

    /// <summary>The first message, received before or after the call, that matches; others stay for later calls.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cancel = new CancellationTokenSource(timeout);
        await _gate.WaitAsync(cancel.Token);
        try
        {
            if (_received.FirstOrDefault(match) is { } earlier)
            {
                return earlier;
            }
            await foreach (var message in _messages.Reader.ReadAllAsync(cancel.Token))
            {
                _received.Add(message);
                if (match(message))
                {
                    return message;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
        throw new TimeoutException("No matching message arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _gate.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await messages.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
