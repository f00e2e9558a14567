namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// E-mail delivery (section <c>Delivery:Email</c>). Without an SMTP host, messages are written as
/// .eml files to the pickup folder (<c>./data/outbox</c>), the embedded default.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Delivery:Email";

    public string From { get; set; } = "SmartKiosk <no-reply@smartkiosk.local>";

    /// <summary>Attachment sends the signed PDF; Link sends the signed download link only.</summary>
    public EmailMode Mode { get; set; } = EmailMode.Attachment;

    /// <summary>The pickup folder; relative paths are inside the data folder.</summary>
    public string PickupFolder { get; set; } = "outbox";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Tries before a message is given up (and left in the outbox with its last error).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry's delay; each further one doubles, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the worker looks for new messages when it was not woken.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public enum EmailMode
{
    Attachment,
    Link,
}

public sealed class SmtpSettings
{
    /// <summary>Empty: write .eml files to the pickup folder instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls (when the server offers it: Auto) or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
