using Kontaktlofte.AddinApi.Confidentiality;

namespace Kontaktlofte.AddinApi.Tests.Confidentiality;

[TestClass]
public sealed class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static List<string> Found(string text) =>
        PersonalIdentityNumber.Find(text, Today).Select(s => text.Substring(s.Start, s.Length)).ToList();

    [TestMethod]
    [DataRow("811218-9876", DisplayName = "10 digits with hyphen")]
    [DataRow("8112189876", DisplayName = "10 digits, no separator")]
    [DataRow("19811218-9876", DisplayName = "12 digits with hyphen")]
    [DataRow("198112189876", DisplayName = "12 digits, no separator")]
    [DataRow("121212+1212", DisplayName = "plus: 100 years or older")]
    [DataRow("701063-2391", DisplayName = "samordningsnummer (day + 60)")]
    [DataRow("200001012384", DisplayName = "born 2000")]
    [DataRow("000101-2384", DisplayName = "born 2000, hyphen form starting with 0")]
    [DataRow("811218 9876", DisplayName = "10 digits with a space")]
    [DataRow("19811218 9876", DisplayName = "12 digits with a space")]
    [DataRow("811218\u00A09876", DisplayName = "10 digits with a no-break space (HTML &nbsp;)")]
    [DataRow("20000101 2384", DisplayName = "12 digits with a space, born 2000: the century rules out a phone number")]
    [DataRow("701063 2391", DisplayName = "samordningsnummer with a space")]
    [DataRow("301218-9878", DisplayName = "born 1930: the year 2030 is yet to come")]
    [DataRow("261218-9874", DisplayName = "born 1926: 2026-12-18 is yet to come, so the century before")]
    [DataRow("401218-9876", DisplayName = "born 1940")]
    [DataRow("501218+9873", DisplayName = "plus: born 1850, the earliest year taken")]
    [DataRow("261128+9873", DisplayName = "plus: 100 years old today")]
    [DataRow("20261128-9873", DisplayName = "born today")]
    [DataRow("811231-9879", DisplayName = "the last day of a month")]
    public void Valid_numbers_are_found(string number) =>
        CollectionAssert.AreEqual(new[] { number }, Found($"Gäller {number} i ärendet.").ToArray());

    [TestMethod]
    [DataRow("811218-9875", DisplayName = "wrong check digit")]
    [DataRow("811318-9876", DisplayName = "month 13")]
    [DataRow("810230-1234", DisplayName = "30 February")]
    [DataRow("212000-0142", DisplayName = "organisation number (month 20)")]
    [DataRow("556036-0793", DisplayName = "organisation number of a company")]
    [DataRow("08-530 610 00", DisplayName = "switchboard")]
    [DataRow("070-123 45 67", DisplayName = "mobile with spaces")]
    [DataRow("0701234567", DisplayName = "mobile without separator")]
    [DataRow("2026-11-28", DisplayName = "a date")]
    [DataRow("20261128", DisplayName = "a date without hyphens")]
    [DataRow("147 85 Tumba", DisplayName = "postal code")]
    [DataRow("5050-1055", DisplayName = "bankgiro")]
    [DataRow("KS/2016:805", DisplayName = "registration number")]
    [DataRow("20301218-9876", DisplayName = "12-digit date in the future")]
    [DataRow("20301218-9878", DisplayName = "12-digit date in the future, valid check digit")]
    [DataRow("20261218-9874", DisplayName = "12-digit date later this year, valid check digit")]
    [DataRow("401218+9876", DisplayName = "plus: 1840 is before 1850")]
    [DataRow("811260-9873", DisplayName = "day 60: neither a day nor a samordningsnummer")]
    [DataRow("1811218-98765", DisplayName = "part of a longer number")]
    [DataRow("811218  9876", DisplayName = "two spaces")]
    [DataRow("811218\n9876", DisplayName = "a line break")]
    [DataRow("811218 9875", DisplayName = "space form, wrong check digit")]
    [DataRow("20301218 9876", DisplayName = "space form, 12-digit date in the future")]
    [DataRow("070123 4567", DisplayName = "mobile with one space")]
    public void Look_alikes_are_not_personal_identity_numbers(string text) =>
        Assert.IsEmpty(Found($"Se {text} här."));

    [TestMethod]
    public void A_number_shaped_like_a_mobile_number_counts_when_called_a_personnummer()
    {
        const string child = "0001012384"; // born 2000-01-01, valid check digit, but also a 10-digit phone shape

        Assert.IsEmpty(Found($"Ring {child}."));
        Assert.HasCount(1, Found($"Barnets personnummer: {child}."));
    }

    [TestMethod]
    public void A_spaced_number_shaped_like_a_mobile_number_counts_only_when_called_a_personnummer()
    {
        const string child = "000101 2384"; // born 2000-01-01, valid; 0001012384 is also a phone shape

        Assert.IsEmpty(Found($"Ring {child}."));
        CollectionAssert.AreEqual(new[] { child }, Found($"Barnets personnummer: {child}.").ToArray());
        CollectionAssert.AreEqual(new[] { "000101-2384" }, Found("Ring 000101-2384.").ToArray(), "the hyphen form is no phone number");
    }

    [TestMethod]
    public void The_keyword_counts_within_sixty_characters_before_the_number()
    {
        var inside = "född " + new string('x', 54) + " 0001012384"; // the number at 60: the window starts at "född"
        var outside = "född " + new string('x', 55) + " 0001012384";

        Assert.HasCount(1, Found(inside));
        Assert.IsEmpty(Found(outside));
    }

    [TestMethod]
    public void A_keyword_after_the_number_does_not_count()
    {
        var text = new string('x', 200) + " 0001012384, född 2000, personnummer";

        Assert.IsEmpty(Found(text));
    }

    [TestMethod]
    [DataRow("1 811218 9876", DisplayName = "a digit group at the very start")]
    [DataRow("Konto 12 811218 9876.", DisplayName = "a digit group before")]
    [DataRow("Faktura 811218 9876 34.", DisplayName = "a digit group after")]
    [DataRow("Faktura 811218 9876\u00A034.", DisplayName = "a digit group after a no-break space")]
    public void A_spaced_candidate_inside_a_longer_spaced_number_is_not_one(string text) =>
        Assert.IsEmpty(Found(text));

    [TestMethod]
    [DataRow("Ärende 12, 811218 9876.", DisplayName = "a comma before")]
    [DataRow("811218 9876 är hans.", DisplayName = "a word after")]
    [DataRow("Hans nummer 811218 9876", DisplayName = "end of text")]
    [DataRow("811218 9876 ", DisplayName = "a space at the end of the text")]
    [DataRow("811218 9876 x", DisplayName = "a letter after one space")]
    [DataRow("Ärende 12 x 811218 9876.", DisplayName = "a letter before the space")]
    public void A_spaced_number_beside_words_is_found(string text) =>
        Assert.HasCount(1, Found(text));

    [TestMethod]
    [DataRow("Rum 12 811218-9876.", DisplayName = "hyphen")]
    [DataRow("Rum 12 8112189876.", DisplayName = "no separator")]
    public void A_number_without_a_space_after_a_digit_group_is_still_found(string text) =>
        Assert.HasCount(1, Found(text));

    [TestMethod]
    public void Several_numbers_in_a_text_are_all_found() =>
        Assert.HasCount(2, Found("Anna 811218-9876 och hennes son 121212-1212 bor här."));

    [TestMethod]
    public void Masking_hides_the_last_four_digits()
    {
        Assert.AreEqual("811218-****", PersonalIdentityNumber.Mask("811218-9876"));
        Assert.AreEqual("****", PersonalIdentityNumber.Mask("123"), "too short to show anything");
    }
}
