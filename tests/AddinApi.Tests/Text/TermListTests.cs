using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Tests.Text;

[TestClass]
public sealed class TermListTests
{
    private static List<string> Found(string tsv, string text) =>
        TermList.Parse(tsv).Find(text).Select(m => $"{text.Substring(m.Start, m.Length)}={m.Term.Note}").ToList();

    [TestMethod]
    [DataRow("erhåll*\tx", "Vi har erhållit den.", "erhållit=x", DisplayName = "prefix")]
    [DataRow("*missbruk\tx", "Ett alkoholmissbruk.", "alkoholmissbruk=x", DisplayName = "suffix")]
    [DataRow("*skydd*\tx", "Ett väderskyddsrum.", "väderskyddsrum=x", DisplayName = "infix")]
    [DataRow("ej\tx", "Det är Ej så.", "Ej=x", DisplayName = "lower case ignores case")]
    [DataRow("LVU\tx", "Enligt LVU.", "LVU=x", DisplayName = "capitals match capitals")]
    [DataRow("a b|c\tx", "Ett c här.", "c=x", DisplayName = "alternatives")]
    [DataRow("i * fall\tx", "I vissa fall.", "I vissa fall=x", DisplayName = "a lone star is any word")]
    [DataRow("OK\tx", "Det är OK.", "OK=x", DisplayName = "two capitals match capitals")]
    [DataRow("A\tx", "Plan a.", "a=x", DisplayName = "one capital letter is no acronym")]
    [DataRow("Ej\tx", "Det är ej så.", "ej=x", DisplayName = "mixed case ignores case")]
    [DataRow("a||b\tx", "Ett b.", "b=x", DisplayName = "an empty alternative is skipped")]
    [DataRow("a | b\tx", "Ett b.", "b=x", DisplayName = "spaces around | are trimmed")]
    [DataRow("ab*\t1\nabcdef*\t2", "Ett abc.", "abc=1", DisplayName = "a shorter prefix is tried before a longer one")]
    public void A_pattern_matches(string tsv, string text, string expected) =>
        CollectionAssert.AreEqual(new[] { expected }, Found(tsv, text));

    [TestMethod]
    [DataRow("LVU\tx", "Ett lvu.", DisplayName = "capitals do not match lower case")]
    [DataRow("OK\tx", "Det är ok.", DisplayName = "two capitals do not match lower case")]
    [DataRow("B12\tx", "Vitamin b12.", DisplayName = "capitals with a digit do not match lower case")]
    [DataRow("erhåll*\tx", "Erhål.", DisplayName = "a prefix longer than the word")]
    [DataRow("ej\tx", "Eja.", DisplayName = "an exact word is the whole word")]
    [DataRow("i samband med\tx", "Ett i samband. Med", DisplayName = "a phrase does not run over a full stop")]
    [DataRow("i samband med\tx", "Ett i samband, med", DisplayName = "nor over a comma")]
    [DataRow("i samband med\tx", "Sist i samband", DisplayName = "nor past the end")]
    public void A_pattern_does_not_match(string tsv, string text) =>
        Assert.IsEmpty(Found(tsv, text));

    [TestMethod]
    public void Words_of_a_phrase_may_stand_on_two_lines() =>
        CollectionAssert.AreEqual(new[] { "i samband\n med=x" }, Found("i samband med\tx", "Ett i samband\n med"));

    [TestMethod]
    public void A_context_word_must_be_there_but_is_not_part_of_the_match()
    {
        const string tsv = "gällande [din]\tom\n[till] densamma\tden";

        CollectionAssert.AreEqual(new[] { "Gällande=om", "densamma=den" }, Found(tsv, "Gällande din fråga, skicka till densamma."));
        Assert.IsEmpty(Found(tsv, "Gällande regler. Samma densamma."));
    }

    [TestMethod]
    public void A_trailing_context_word_may_begin_the_next_match() =>
        CollectionAssert.AreEqual(new[] { "a=1", "b c=2" }, Found("a [b]\t1\nb c\t2", "a b c"));

    [TestMethod]
    public void The_longest_match_wins_and_matches_do_not_overlap() =>
        CollectionAssert.AreEqual(new[] { "med anledning av=long", "av=short" },
            Found("av\tshort\nmed anledning av\tlong", "med anledning av det av"));

    [TestMethod]
    public void The_first_of_two_equally_long_patterns_wins() =>
        CollectionAssert.AreEqual(new[] { "a b=1" }, Found("a b\t1\na *\t2", "a b"));

    [TestMethod]
    public void A_pattern_of_context_words_only_is_refused() =>
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => TermList.Parse("[a] [b]\tx")).Message, "[a] [b]");

    [TestMethod]
    [DataRow("[ab", DisplayName = "opened only")]
    [DataRow("ab]", DisplayName = "closed only")]
    [DataRow("[]", DisplayName = "empty")]
    public void A_bracket_that_does_not_enclose_a_word_is_refused(string word) =>
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => TermList.Parse($"x {word}\tx")).Message, word);

    [TestMethod]
    public void A_list_missing_from_the_assembly_is_named() =>
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => TermList.Load("saknas.tsv")).Message, "saknas.tsv");

    [TestMethod]
    public void Comments_and_empty_lines_are_skipped_and_a_missing_note_is_empty()
    {
        var list = TermList.Parse("# comment\n\nord\r\nannat\tnot\n");

        Assert.AreEqual(2, list.Terms.Count);
        Assert.AreEqual("", list.Terms[0].Note);
        Assert.AreEqual("not", list.Terms[1].Note);
    }

    [TestMethod]
    public void An_empty_text_has_no_matches() => Assert.IsEmpty(Found("ord\tx", ""));
}
