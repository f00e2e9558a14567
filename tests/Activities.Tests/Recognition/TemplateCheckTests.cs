using SmartKiosk.Activities.Recognition.Templates;

namespace SmartKiosk.Activities.Tests.Recognition;

public sealed class TemplateCheckTests
{
    public static TheoryData<string> SeedIds => [.. SeedTemplateStore.Load().Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Every_shipped_template_passes_and_survives_being_written_and_read_again(string id)
    {
        var seed = SeedTemplateStore.Load().Single(t => t.Id == id);
        var (read, problems) = TemplateCheck.Read(TemplateCheck.Write(seed));
        Assert.Empty(problems);
        Assert.Equal(TemplateCheck.Write(seed), TemplateCheck.Write(read!));
    }

    [Theory]
    [InlineData("{ not json", "Not a valid template")]
    [InlineData("""{"id":"x y","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}]}""", "The id is")]
    [InlineData("""{"id":"mau","name":{"vi":"<script>alert(1)</script>","en":"b"},"keywords":[{"text":"A"}]}""", "without markup")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"fields":[{"key":"so","label":{"vi":"Số","en":"No"},"pattern":"(unclosed"}]}""", "not a valid regular expression")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"fields":[{"key":"so","label":{"vi":"Số","en":"No"},"normaliser":"eval"}]}""", "unknown normaliser")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"validators":[{"rule":"not-future","fields":["ghost"]}]}""", "names a field")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"script":"x"}""", "Not a valid template")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"portraitZone":{"x":0.9,"y":0,"width":0.5,"height":0.5}}""", "portrait zone")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":null}""", "Not a valid template")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"fields":[null]}""", "empty value")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[null]}""", "empty value")]
    [InlineData("""{"id":"mau","name":{"vi":"a","en":"b"},"keywords":[{"text":"A"}],"validators":[{"rule":"not-future","fields":null}]}""", "Not a valid template")]
    public void A_broken_or_hostile_template_is_refused_with_a_reason(string json, string expected)
    {
        var (template, problems) = TemplateCheck.Read(json);
        Assert.Null(template);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_runaway_pattern_counts_as_no_match_instead_of_failing_recognition()
    {
        var match = SmartKiosk.Activities.Recognition.Extraction.Normalisers.SafeMatch(new string('a', 40) + "!", "^(a+)+$");
        Assert.False(match.Success);
    }

    [Fact]
    public void Deep_or_huge_documents_are_refused_before_they_are_read()
    {
        var deep = "{\"id\":\"mau\",\"x\":" + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}";
        Assert.Null(TemplateCheck.Read(deep).Template);
        var huge = "{\"id\":\"mau\",\"name\":{\"vi\":\"" + new string('a', TemplateCheck.MaxBytes) + "\",\"en\":\"b\"}}";
        Assert.Contains("larger than", Assert.Single(TemplateCheck.Read(huge).Problems), StringComparison.Ordinal);
    }
}
