using SmartKiosk.Activities.Recognition.Extraction;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Tests.Recognition;

public sealed class TextMatchingTests
{
    [Theory]
    [InlineData("Ngày, tháng, năm sinh:", "NGAYTHANGNAMSINH")]
    [InlineData("Đặc điểm nhân dạng", "DACDIEMNHANDANG")]
    [InlineData("Số / No.: 001", "SONO001")]
    public void Folding_drops_accents_spacing_and_punctuation(string text, string folded) => Assert.Equal(folded, VietnameseText.Fold(text));

    [Fact]
    public void A_label_is_found_despite_a_misread_letter_and_its_span_reported()
    {
        var hit = ApproximateMatch.Find("XXHOVATENFULINAMEYY", "HOVATENFULLNAME", 2)!.Value;

        Assert.Equal((2, 17, 1), (hit.Start, hit.End, hit.Distance));
    }

    [Fact]
    public void Short_labels_must_match_exactly() => Assert.Null(ApproximateMatch.Find("SQ125", "SO", ApproximateMatch.Tolerance(2)));

    private static readonly FieldRule DateRule = new() { Key = "d", Label = new("Ngày", "Date"), Normaliser = "date" };

    [Theory]
    [InlineData("15/01/1990", "15/01/1990", 1.0)]
    [InlineData("15.01.1990", "15/01/1990", 1.0)]
    [InlineData("1S/0l/1990", "15/01/1990", 0.75)]
    public void Dates_are_normalised_and_a_repaired_digit_lowers_confidence(string raw, string value, double factor)
    {
        var normalised = Normalisers.Apply(DateRule, raw)!.Value;

        Assert.Equal((value, factor), (normalised.Value, normalised.ConfidenceFactor));
    }

    [Fact]
    public void An_impossible_date_is_not_a_value() => Assert.Null(Normalisers.Apply(DateRule, "31/02/1990"));

    [Fact]
    public void A_closed_list_restores_lost_tone_marks_but_says_so()
    {
        var normalised = Normalisers.Choice("Xuat sac", ["Xuất sắc", "Giỏi", "Khá"])!.Value;

        Assert.Equal("Xuất sắc", normalised.Value);
        Assert.True(normalised.ConfidenceFactor < 1);
    }
}

public sealed class VietnameseSyllableTests
{
    [Theory]
    [InlineData("Nguyễn", true)]
    [InlineData("NGUYỄN", true)]
    [InlineData("Quỳnh", true)]
    [InlineData("Đạt", true)]
    [InlineData("Đàt", false)] // a syllable closed by t takes only the sắc or nặng tone
    [InlineData("Hoàng", true)]
    [InlineData("THIXMAI", false)] // a filler read as X glued two syllables
    [InlineData("LINHK", false)]
    [InlineData("Ngh1a", false)]
    public void A_word_is_a_syllable_only_if_its_shape_and_tone_allow(string word, bool valid) =>
        Assert.Equal(valid, VietnameseSyllable.IsValid(word));
}
