using MimeKit;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// Writes each message as an .eml file named after its Message-ID, so a message sent twice (a retry
/// after a crash) is the same file, not a second one. The embedded default, for demos and tests.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')) + ".eml";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
