namespace Kontaktlofte.AddinApi.Promises;

/// <summary>
/// The municipality's own time. FL (2017:900) 22 §: a document has come in on the day it reaches the
/// authority — the calendar day in Sweden, whatever offset the sender's clock carried.
/// </summary>
public static class Stockholm
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());
}
