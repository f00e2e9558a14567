namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>A value in a graph under construction: its name and its NCHW shape (batch 1).</summary>
internal sealed record OnnxValue(string Name, int Channels, int Height, int Width)
{
    public override string ToString() => $"{Name}[{Channels}×{Height}×{Width}]";
}
