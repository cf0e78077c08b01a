using System.Globalization;
using Microsoft.Graph.Models;

namespace Kontaktlofte.AddinApi.Directory.Graph;

/// <summary>Graph's dateTimeTimeZone: a local time without offset, and the zone it is in (a Windows or IANA name).</summary>
internal static class GraphTimes
{
    public static DateTimeOffset? Moment(DateTimeTimeZone? time)
    {
        if (time?.DateTime is not { } text || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        var zone = time.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local));
    }

    /// <summary>A moment as Graph takes it: in UTC, written without an offset (Graph refuses "Z" or "+01:00" inside dateTime).</summary>
    public static DateTimeTimeZone Utc(DateTimeOffset moment) => new()
    {
        DateTime = moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };
}
