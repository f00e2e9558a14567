namespace SmartKiosk.Activities.Settings;

/// <summary>
/// Why a settings change was refused: a stable code (the screens show its localised text) and what it
/// is about (a document type's key, a field), so the message can name it.
/// </summary>
public sealed record SettingsProblem(string Code, string? Subject = null)
{
    public override string ToString() => Subject is null ? Code : $"{Code} ({Subject})";
}

public sealed class SettingsException(string code, string message, IReadOnlyList<SettingsProblem>? problems = null) : Exception(message)
{
    /// <summary><c>invalid</c> (see <see cref="Problems"/>) or <c>conflict</c> (saved by someone else since it was opened).</summary>
    public string Code { get; } = code;

    public IReadOnlyList<SettingsProblem> Problems { get; } = problems ?? [];
}
