using SmartKiosk.Activities.Issuance.Codes;

namespace SmartKiosk.Activities.Tests.Issuance;

public sealed class VerificationCodeTests
{
    [Fact]
    public void A_code_has_83_random_bits_in_an_unambiguous_alphabet_and_reads_back()
    {
        var code = VerificationCode.New();

        Assert.Equal(VerificationCode.RandomLength + 1, code.Value.Length);
        Assert.True(VerificationCode.RandomLength * Math.Log2(VerificationCode.Alphabet.Length) >= 80);
        Assert.All(code.Value, c => Assert.Contains(c, VerificationCode.Alphabet));
        Assert.DoesNotContain(VerificationCode.Alphabet, c => c is '0' or 'O' or '1' or 'I' or 'L' or 'U');
        Assert.Matches("^([2-9A-Z]{4}-){4}[2-9A-Z]{2}$", code.Formatted);
        Assert.True(VerificationCode.TryParse(code.Formatted.ToLowerInvariant().Replace('-', ' '), out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Every_single_mistyped_symbol_and_every_neighbour_swap_is_caught()
    {
        // Many codes, so that the rare symbol pairs are met too (Luhn mod 30 once missed "2Z" ↔ "Z2").
        for (var round = 0; round < 300; round++)
        {
            AssertEveryTypoRefused(VerificationCode.New().Value);
        }
    }

    [Fact]
    public void Swapping_the_first_and_last_symbols_of_the_alphabet_is_caught()
    {
        var alphabet = VerificationCode.Alphabet;
        var payload = $"{alphabet[0]}{alphabet[^1]}" + new string(alphabet[5], VerificationCode.RandomLength - 2);
        var valid = alphabet.Select(check => payload + check).Single(candidate => VerificationCode.TryParse(candidate, out _));

        AssertEveryTypoRefused(valid);
    }

    private static void AssertEveryTypoRefused(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var other in VerificationCode.Alphabet.Where(c => c != code[i]))
            {
                var typo = code[..i] + other + code[(i + 1)..];
                Assert.False(VerificationCode.TryParse(typo, out _), $"{typo} was accepted");
            }
            if (i + 1 < code.Length && code[i] != code[i + 1])
            {
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                Assert.False(VerificationCode.TryParse(swapped, out _), $"{swapped} was accepted");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7PM-3QXD")]
    [InlineData("O0O0-O0O0-O0O0-O0O0-O0")]
    [InlineData("<script>alert(1)</script>")]
    public void Malformed_codes_are_refused(string? text) => Assert.False(VerificationCode.TryParse(text, out _));

    [Fact]
    public void Codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => VerificationCode.New().Value).ToHashSet();
        Assert.Equal(10_000, codes.Count);
    }
}
