namespace SmartKiosk.Activities.Recognition.Text;

/// <summary>
/// Finds a pattern inside a longer text with the fewest edits (Sellers' algorithm): labels are
/// found in OCR lines even when a letter was misread. Returns the matched span and its distance.
/// </summary>
public static class ApproximateMatch
{
    public readonly record struct Hit(int Start, int End, int Distance);

    /// <summary>Edits allowed for a pattern: none for short labels (they would match anywhere), then one per six letters.</summary>
    public static int Tolerance(int patternLength) => patternLength < 6 ? 0 : patternLength / 6;

    /// <summary>The best match within the pattern's own <see cref="Tolerance"/>.</summary>
    public static Hit? Find(string text, string pattern) => Find(text, pattern, Tolerance(pattern?.Length ?? 0));

    public static Hit? Find(string text, string pattern, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pattern);
        var m = pattern.Length;
        if (m == 0 || text.Length == 0)
        {
            return null;
        }

        // column[i] = edits to match pattern[..i] ending at the current text position; start[i] tracks where.
        var column = new int[m + 1];
        var start = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            column[i] = i;
        }

        Hit? best = null;
        for (var j = 1; j <= text.Length; j++)
        {
            int diagonal = column[0], diagonalStart = start[0];
            column[0] = 0;
            start[0] = j;
            for (var i = 1; i <= m; i++)
            {
                int up = column[i], upStart = start[i];
                var cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                int value = diagonal + cost, from = diagonalStart;
                if (up + 1 < value)
                {
                    value = up + 1;
                    from = upStart;
                }

                if (column[i - 1] + 1 < value)
                {
                    value = column[i - 1] + 1;
                    from = start[i - 1];
                }

                diagonal = up;
                diagonalStart = upStart;
                column[i] = value;
                start[i] = from;
            }

            if (column[m] <= maxDistance && (best is null || column[m] < best.Value.Distance))
            {
                best = new Hit(start[m], j, column[m]);
            }
        }

        return best;
    }
}
