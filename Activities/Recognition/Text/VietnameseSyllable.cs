using System.Text;
using System.Text.RegularExpressions;

namespace SmartKiosk.Activities.Recognition.Text;

/// <summary>
/// Whether a word can be one Vietnamese syllable: an initial consonant (or none), one to three
/// vowels, a final consonant (or none), and — for syllables closed by c, ch, p or t — only the
/// sắc or nặng tone. Names are syllables, so a name word that breaks these rules was misread
/// (a lost tone mark after "t", a filler read as a letter); its confidence is lowered.
/// </summary>
public static partial class VietnameseSyllable
{
    public static bool IsValid(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = VietnameseText.Fold(word);
        var match = Shape().Match(folded);
        if (!match.Success || folded.Length != word.Count(char.IsLetter))
        {
            return false;
        }

        var coda = match.Groups["coda"].Value;
        if (coda is "C" or "CH" or "P" or "T")
        {
            var tone = Tone(word);
            return tone is '\u0301' or '\u0323';
        }

        return true;
    }

    /// <summary>The tone mark of a syllable (a combining character), or '\0' for the level tone.</summary>
    private static char Tone(string word)
    {
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                return c;
            }
        }

        return '\0';
    }

    [GeneratedRegex("^(NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?[AEIOUY]{1,3}(?<coda>CH|NG|NH|[CMNPT])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
