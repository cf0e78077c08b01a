using System.ComponentModel.DataAnnotations;
using Kontaktlofte.AddinApi.Registry.Lex;

namespace Kontaktlofte.AddinApi.Registry;

/// <summary>The registry's number series (design.md, Registration): one per administration, and how Botkyrka writes numbers.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>
    /// The administrations' series (KS, SBF, UBF …); Botkyrka's list is in appsettings.json. Not defaulted here: the
    /// configuration binder adds to a list it finds filled, and a series twice would be two number sequences in one.
    /// </summary>
    public List<RegistrySeries> Series { get; set; } = [];

    /// <summary>The registry adapter: <c>Embedded</c> (the database; default), <c>LexMail</c> or <c>LexHttp</c>.</summary>
    [RegularExpression("^(Embedded|LexMail|LexHttp)$", ErrorMessage = "Registry:Adapter ska vara Embedded, LexMail eller LexHttp.")]
    public string Adapter { get; set; } = "Embedded";

    /// <summary>Digits the sequence is padded to when written: 5 gives <c>KS/2021:00012</c>, 0 gives <c>KS/2021:12</c>.</summary>
    [Range(0, CaseNumber.MaxSequenceDigits, ErrorMessage = "Registry:SequenceDigits ska vara mellan 0 (inga inledande nollor) och 9.")]
    public int SequenceDigits { get; set; }

    /// <summary>Lex by mail (<c>Registry:LexMail</c>): checked at start when it is the adapter.</summary>
    public LexMailOptions LexMail { get; set; } = new();

    /// <summary>Lex over HTTP (<c>Registry:LexHttp</c>): checked at start when it is the adapter.</summary>
    public LexHttpOptions LexHttp { get; set; } = new();

    /// <summary>The series with this code, or null (an unknown series is a 400, not a new sequence).</summary>
    public RegistrySeries? Find(string code) => Series.FirstOrDefault(s => s.Code == code);

    /// <summary>Why the series list is wrong, in Swedish, or null when it is right.</summary>
    public string? SeriesProblem()
    {
        if (Series.Count == 0) return "Registry:Series ska ange minst en diarieserie, till exempel { \"Code\": \"KS\", \"Name\": \"Kommunstyrelsen\" }.";
        if (Series.FirstOrDefault(s => !CaseNumber.IsSeriesCode(s.Code)) is { } bad)
            return $"Registry:Series: koden \"{bad.Code}\" ska vara 1–10 versaler A–Ö, till exempel KS.";
        if (Series.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name)) is { } nameless)
            return $"Registry:Series: serien {nameless.Code} saknar namn.";
        if (Series.GroupBy(s => s.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"Registry:Series: serien {twice.Key} finns två gånger.";
        return null;
    }
}

/// <summary>A number series: the administration's code in the number and its name for the registrar.</summary>
public sealed class RegistrySeries
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
