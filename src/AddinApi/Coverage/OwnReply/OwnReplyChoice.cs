using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>The official's choices checked, and the template filled in with them.</summary>
internal static class OwnReplyChoice
{
    public static async Task<(OwnAutomaticReplyPreview? Reply, ValidationProblem? Problem)> FillAsync(OwnAutomaticReplyRequest? request,
        OwnReplyServices services, CancellationToken cancel)
    {
        var today = services.Clock.Today();
        var now = services.Clock.GetUtcNow();
        if (request?.ReturnDate is not { } back) return (null, Invalid.Field("returnDate", "Ange returnDate: den dag du är tillbaka (åååå-mm-dd)."));
        if (request.Start is { } first && first < today)
            return (null, Invalid.Field("start", "Första dagen har redan varit: välj i dag eller en senare dag."));
        if (back <= today)
            return (null, Invalid.Field("returnDate", "Återkomstdagen ska vara efter i dag: frånvaromeddelandet slutar när den dagen börjar."));
        if (request.Start is { } from && back <= from)
            return (null, Invalid.Field("returnDate", "Återkomstdagen ska vara efter första dagen du är borta."));
        var latest = today.AddDays(services.Template.Value.MaxDaysAhead);
        if (back > latest)
            return (null, Invalid.Field("returnDate", $"Återkomstdagen får vara högst {services.Template.Value.MaxDaysAhead} dagar fram, senast {latest:yyyy-MM-dd}."));
        var me = await services.Me.GetAsync(cancel);
        Person? cover = null;
        if (request.CoverId is { } id && id.Trim().ToLowerInvariant() is { Length: > 0 } coverId)
        {
            // An address or nothing: anything else would go to the directory's search as it stands, and a long one makes a
            // URL that Graph refuses (414), where the official should hear what to choose instead.
            if (!IsAddress(coverId))
                return (null, Invalid.Field("coverId", "Ange coverId som kollegans e-postadress, till exempel per.holm@botkyrka.se. Välj kollegan i sökningen."));
            if (coverId == me.Email) return (null, Invalid.Field("coverId", "Hänvisa till en kollega, inte till dig själv."));
            // The colleague search's own port: an address it does not know is nobody the citizen can reach.
            cover = (await services.Directory.SearchAsync(services.User, coverId, 5, cancel))
                .FirstOrDefault(p => p.Email.Equals(coverId, StringComparison.OrdinalIgnoreCase));
            if (cover is null) return (null, Invalid.Field("coverId", $"{coverId} finns inte i kommunens katalog. Välj kollegan i sökningen."));
        }
        var start = request.Start is { } day && day > today ? StartOf(day) : now;
        var text = AutomaticReplyTemplate.Fill(services.Template.Value, services.Organisation.Value, me.Name, back, cover);
        return (new OwnAutomaticReplyPreview(text, text, start, StartOf(back),
            cover is null ? null : new ReplyCover(cover.Email, cover.Name, cover.Phone, cover.Email)), null);
    }

    private static bool IsAddress(string text) =>
        text.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text;

    /// <summary>The start of a day in Stockholm (midnight, summer or winter time).</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Stockholm.Zone.GetUtcOffset(midnight));
    }
}
