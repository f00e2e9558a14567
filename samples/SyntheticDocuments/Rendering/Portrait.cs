using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>
/// The holder's photo: a given photo, cropped to fill the box, or a drawn placeholder (head and
/// shoulders on the light blue ID backdrop).
/// </summary>
public static class Portrait
{
    public static void Draw(SKCanvas canvas, SKRect box, Random random, bool female, byte[]? photo = null)
    {
        using var backdrop = Sheet.Fill(new SKColor(0xCF, 0xE3, 0xF5));
        canvas.DrawRect(box, backdrop);

        // Drawn first, photo or not, so that a photo never changes the rest of the card.
        var skinTones = new[] { new SKColor(0xE8, 0xC4, 0xA2), new SKColor(0xDE, 0xB8, 0x94), new SKColor(0xF0, 0xCF, 0xB0) };
        using var skin = Sheet.Fill(skinTones[random.Next(skinTones.Length)]);
        using var hair = Sheet.Fill(new SKColor(0x1E, 0x18, 0x16));
        using var shirt = Sheet.Fill(random.Next(2) == 0 ? new SKColor(0xF4, 0xF4, 0xF2) : new SKColor(0x2D, 0x3A, 0x55));
        if (photo is not null)
        {
            DrawPhoto(canvas, box, photo);
            return;
        }

        using var feature = Sheet.Fill(new SKColor(0x2A, 0x22, 0x20));
        using var mouth = Sheet.Stroke(new SKColor(0x9A, 0x4A, 0x44), box.Width * 0.02f);

        var cx = box.MidX;
        var headCy = box.Top + (box.Height * 0.4f);
        var headRx = box.Width * 0.24f;
        var headRy = box.Height * 0.21f;

        canvas.Save();
        canvas.ClipRect(box);
        canvas.DrawOval(cx, box.Bottom + (box.Height * 0.06f), box.Width * 0.48f, box.Height * 0.26f, shirt);
        canvas.DrawRect(cx - (headRx * 0.4f), headCy + (headRy * 0.7f), headRx * 0.8f, headRy * 0.7f, skin);
        if (female)
        {
            // Long hair behind the face.
            canvas.DrawRoundRect(new SKRect(cx - (headRx * 1.25f), headCy - (headRy * 1.15f), cx + (headRx * 1.25f), headCy + (headRy * 1.5f)), headRx * 0.6f, headRx * 0.6f, hair);
        }

        canvas.DrawOval(cx, headCy, headRx, headRy, skin);
        canvas.DrawArc(new SKRect(cx - (headRx * 1.05f), headCy - (headRy * 1.15f), cx + (headRx * 1.05f), headCy + (headRy * 0.5f)), 180, 180, true, hair);
        canvas.DrawOval(cx - (headRx * 0.4f), headCy + (headRy * 0.05f), headRx * 0.12f, headRy * 0.07f, feature);
        canvas.DrawOval(cx + (headRx * 0.4f), headCy + (headRy * 0.05f), headRx * 0.12f, headRy * 0.07f, feature);
        canvas.DrawArc(new SKRect(cx - (headRx * 0.3f), headCy + (headRy * 0.3f), cx + (headRx * 0.3f), headCy + (headRy * 0.6f)), 20, 140, false, mouth);
        canvas.Restore();
    }

    private static void DrawPhoto(SKCanvas canvas, SKRect box, byte[] photo)
    {
        using var bitmap = SKBitmap.Decode(photo) ?? throw new ArgumentException("The portrait photo is not a readable image.", nameof(photo));
        // Cover the box: crop the photo's centre to the box's aspect ratio.
        var scale = Math.Max(box.Width / bitmap.Width, box.Height / bitmap.Height);
        var sourceWidth = box.Width / scale;
        var sourceHeight = box.Height / scale;
        var source = SKRect.Create((bitmap.Width - sourceWidth) / 2, (bitmap.Height - sourceHeight) / 2, sourceWidth, sourceHeight);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, source, box, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }
}
