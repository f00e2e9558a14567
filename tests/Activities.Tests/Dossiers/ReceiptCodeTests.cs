using SmartKiosk.Activities.Dossiers.Codes;

namespace SmartKiosk.Activities.Tests.Dossiers;

/// <summary>The receipt code shares the verification code's check (weighted sum modulo 31) at a length of 12.</summary>
public sealed class ReceiptCodeTests
{
    [Fact]
    public void A_receipt_code_reads_back_however_it_is_typed()
    {
        var code = ReceiptCode.New();

        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code.Formatted);
        Assert.True(ReceiptCode.TryParse(code.Formatted.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Every_single_mistyped_symbol_and_every_neighbour_swap_is_caught()
    {
        for (var round = 0; round < 300; round++)
        {
            var code = ReceiptCode.New().Value;
            for (var i = 0; i < code.Length; i++)
            {
                foreach (var other in Activities.Issuance.Codes.CheckSymbol.Alphabet.Where(c => c != code[i]))
                {
                    Assert.False(ReceiptCode.TryParse(code[..i] + other + code[(i + 1)..], out _));
                }
                if (i + 1 < code.Length && code[i] != code[i + 1])
                {
                    Assert.False(ReceiptCode.TryParse(code[..i] + code[i + 1] + code[i] + code[(i + 2)..], out _));
                }
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7PM-3QXD")]
    [InlineData("K7PM-3QXD-9FWR-2HTN-RC")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Malformed_codes_are_refused(string? text) => Assert.False(ReceiptCode.TryParse(text, out _));
}
