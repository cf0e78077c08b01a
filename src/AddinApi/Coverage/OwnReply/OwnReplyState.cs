using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>The official's reply as it stands, checked by the same rules as the unit head's overview.</summary>
internal static class OwnReplyState
{
    public static async Task<OwnAutomaticReply> ReadAsync(OwnReplyServices services, CancellationToken cancel)
    {
        var me = await services.Me.GetAsync(cancel);
        var setting = await services.Reply.GetAsync(services.User, cancel);
        var now = services.Clock.GetUtcNow();
        var today = services.Clock.Today();
        // A schedule that has run out is off, whatever the status still says.
        var enabled = setting.Status != AutomaticReplyStatus.Disabled && (setting.End is null || now < setting.End);
        var namesContact = CoverageRules.NamesContact(setting.CitizensMessage, me.Email, await UnitColleaguesAsync(services, me.Email, cancel),
            services.Organisation.Value.IsInternalAddress);
        var problems = CoverageRules.Problems(new AutomaticReply(me.Email, enabled, setting.CitizensMessage, setting.Start, setting.End), namesContact);
        var planned = enabled && setting.End is { } end && Stockholm.DayOf(end) > today ? Stockholm.DayOf(end) : (DateOnly?)null;
        return new OwnAutomaticReply(enabled, Name(setting.Status), setting.Start, setting.End, namesContact, problems,
            planned ?? services.Calendar.AddWorkingDays(today, 1), today.AddDays(services.Template.Value.MaxDaysAhead));
    }

    /// <summary>The official's unit as the database knows it: a colleague named there by name alone counts too.</summary>
    private static async Task<List<Person>> UnitColleaguesAsync(OwnReplyServices services, string email, CancellationToken cancel)
    {
        var unit = await services.Db.Officials.Where(o => o.Email == email).Select(o => o.UnitId).FirstOrDefaultAsync(cancel);
        if (unit is null) return [];
        return await services.Db.Officials.Where(o => o.UnitId == unit && o.Email != email)
            .Select(o => new Person(o.Name, o.Title, o.Phone, o.Email, "")).ToListAsync(cancel);
    }

    private static string Name(AutomaticReplyStatus status) => status switch
    {
        AutomaticReplyStatus.AlwaysEnabled => "alwaysEnabled",
        AutomaticReplyStatus.Scheduled => "scheduled",
        _ => "disabled",
    };
}
