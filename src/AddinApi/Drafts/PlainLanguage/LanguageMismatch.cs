using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.PlainLanguage;

/// <summary>
/// The reply is not in the citizen's language. The citizen's language is the one the add-in sends from the
/// promise of the conversation (<c>citizenLanguage</c>), else the one the quoted history asks an answer in
/// ("vastatkaa suomeksi"), else the one it is written in. The rule stays silent when the reply's own text is too
/// short to tell, and when one of its paragraphs is in the citizen's language (an answer in both languages).
/// </summary>
internal sealed partial class LanguageMismatch(Languages languages) : IDraftRule
{
    private enum Source { Promise, Request, Writing }

    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var own = draft.Text.Own;
        var (reply, sure) = languages.Counted(own);
        var known = sure ? CitizenLanguage(draft) : null;
        if (known is null) yield break;
        var (citizen, source) = known.Value;
        if (citizen == reply || ParagraphBreak().Split(own).Any(p => languages.Counted(p) == (citizen, true))) yield break;

        var said = source switch
        {
            Source.Promise => $"Invånarens språk i ärendet är {Languages.Name(citizen)}",
            Source.Request => $"Invånaren bad om svar på {Languages.Name(citizen)}",
            _ => $"Invånaren skrev på {Languages.Name(citizen)}",
        };
        yield return draft.Found("language.mismatch", Severity.Info, DraftPart.Body, new TextSpan(0, own.Length),
            $"{said}, men ditt svar är på {Languages.Name(reply)}.", Suggestion(citizen));
    }

    private (string Language, Source Source)? CitizenLanguage(DraftContext draft)
    {
        if (draft.Request.CitizenLanguage is { } promised) return (promised, Source.Promise);
        var quoted = draft.Text.Quoted;
        if (languages.Requested(quoted) is { } requested) return (requested, Source.Request);
        var (written, sure) = languages.Counted(quoted);
        return sure ? (written, Source.Writing) : null;
    }

    private static string Suggestion(string citizen) => citizen switch
    {
        // Lag (2009:724) om nationella minoriteter och minoritetsspråk: Botkyrka is in the Finnish administrative
        // area since 2010; a resident may use Finnish with the municipality, which should answer in Finnish.
        Languages.Finnish => "Svara på finska, eller på finska och svenska. Botkyrka hör till förvaltningsområdet för finska: " +
                             "invånaren har rätt att använda finska i kontakten med kommunen och ska bemötas på finska " +
                             "(lag 2009:724 om nationella minoriteter och minoritetsspråk).",
        // FL (2017:900) 13 §: interpretation and translation when someone does not master Swedish.
        Languages.English => "Svara på engelska, eller på mycket enkel svenska, så att invånaren förstår svaret. " +
                             "Kommunen ska se till att den som inte behärskar svenska kan ta till vara sin rätt (förvaltningslagen 13 §).",
        // Språklagen (2009:600) 10 §: the language of public activity is Swedish.
        _ => "Svara på svenska, som invånaren skrev. Språket i offentlig verksamhet är svenska (språklagen 2009:600).",
    };

    [GeneratedRegex(@"\n[ \t\r]*\n")]
    private static partial Regex ParagraphBreak();
}
