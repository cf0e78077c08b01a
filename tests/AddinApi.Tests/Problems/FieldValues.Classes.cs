using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>The classes of value a string field must be tried with (issue 12); a value may be in several.</summary>
public enum ValueClass
{
    Valid, VeryLong, ControlCharacters, UnpairedSurrogate, RightToLeft, Script, DeepOrUnclosedHtml, Null, WrongType,
    FirstDay, LastDay, LeapDayInCommonYear, Impossible, TimeZone, StockholmDstChange,
}

/// <summary>Which classes a value sent in a field falls in, for the reach test (<see cref="ContractReachTests"/>).</summary>
public static partial class FieldValues
{
    /// <summary>The classes a string sent in a field of the kind falls in.</summary>
    public static HashSet<ValueClass> Classes(FieldKind kind, string value)
    {
        // A very long value is one part repeated: its ends say what it holds, and reading them is quicker.
        if (value.Length >= LongFrom)
        {
            var classes = Classes(kind, Ends(value));
            classes.Remove(ValueClass.Valid);
            classes.Add(ValueClass.VeryLong);
            return classes;
        }
        return ClassesOfShort(kind, value);
    }

    private static string Ends(string value)
    {
        var head = char.IsHighSurrogate(value[999]) ? 1_001 : 1_000;
        var tail = value.Length - 1_000;
        if (char.IsLowSurrogate(value[tail])) tail--;
        return value[..head] + value[tail..];
    }

    private static HashSet<ValueClass> ClassesOfShort(FieldKind kind, string value)
    {
        var classes = new HashSet<ValueClass>();
        if (value.Any(char.IsControl)) classes.Add(ValueClass.ControlCharacters);
        if (HasUnpairedSurrogate(value)) classes.Add(ValueClass.UnpairedSurrogate);
        if (RightToLeft().IsMatch(value)) classes.Add(ValueClass.RightToLeft);
        if (value.Contains("<script", StringComparison.OrdinalIgnoreCase)) classes.Add(ValueClass.Script);
        if (IsDeepOrUnclosed(value)) classes.Add(ValueClass.DeepOrUnclosedHtml);
        if (value is "" or "null") classes.Add(ValueClass.Null);
        if (value is "true" or "false" or "[]" or "{}" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            classes.Add(ValueClass.WrongType);
        if (kind is FieldKind.Date or FieldKind.DateTime or FieldKind.Time) classes.UnionWith(CalendarClasses(kind, value));
        var hostile = classes.Count > 0;
        if (!hostile && IsValid(kind, value)) classes.Add(ValueClass.Valid);
        return classes;
    }

    private static bool IsValid(FieldKind kind, string value) => kind switch
    {
        FieldKind.Html => ClosedElement().IsMatch(value),
        FieldKind.Email => MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal),
        FieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        FieldKind.DateTime => WithOffset().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        FieldKind.Time => TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => value.Length is > 0 and <= 200 && !value.Contains('<', StringComparison.Ordinal),
    };

    private static IEnumerable<ValueClass> CalendarClasses(FieldKind kind, string value)
    {
        if (kind == FieldKind.Time)
        {
            if (value.StartsWith("00:00", StringComparison.Ordinal)) yield return ValueClass.FirstDay;
            if (value.StartsWith("23:59", StringComparison.Ordinal)) yield return ValueClass.LastDay;
            if (Offset().IsMatch(value)) yield return ValueClass.TimeZone;
            if (!IsValid(kind, value) && !Offset().IsMatch(value)) yield return ValueClass.Impossible;
            yield break;
        }
        if (value.StartsWith("0001-01-01", StringComparison.Ordinal)) yield return ValueClass.FirstDay;
        if (value.StartsWith("9999-12-31", StringComparison.Ordinal)) yield return ValueClass.LastDay;
        var day = DayPart().Match(value);
        if (day.Success && day.Groups[2].Value == "02" && day.Groups[3].Value == "29" && !DateTime.IsLeapYear(int.Parse(day.Groups[1].Value, CultureInfo.InvariantCulture)))
            yield return ValueClass.LeapDayInCommonYear;
        var parsed = day.Success && DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (value.Length > 0 && value != "null" && (parsed is null || !Regex.IsMatch(value, @"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:\d\d)?$")
            || (kind == FieldKind.DateTime && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))))
            yield return ValueClass.Impossible;
        // A date with an offset or a time; a moment in another zone than Stockholm's at that moment (or none at all).
        if (parsed is { } date && (kind == FieldKind.Date ? value.Length > 10
                : Offset().Match(value) is { Success: true } offset ? OffsetOf(offset.Value) != Stockholm.Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)) && OffsetOf(offset.Value) != Stockholm.Zone.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0)))
                : value.Length > 10))
            yield return ValueClass.TimeZone;
        if (parsed is { } changed && Stockholm.Zone.GetUtcOffset(changed.ToDateTime(TimeOnly.MinValue)) != Stockholm.Zone.GetUtcOffset(changed.ToDateTime(new TimeOnly(23, 0))))
            yield return ValueClass.StockholmDstChange;
    }

    private static TimeSpan OffsetOf(string offset) => offset == "Z" ? TimeSpan.Zero : TimeSpan.Parse(offset.TrimStart('+'), CultureInfo.InvariantCulture);

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return true;
        return false;
    }

    /// <summary>Fifty or more elements open at once, or a tag, comment or element left open.</summary>
    private static bool IsDeepOrUnclosed(string value)
    {
        var opened = OpeningTag().Count(value);
        var closed = ClosingTag().Count(value);
        return opened - closed >= 50 || value.LastIndexOf('<') > value.LastIndexOf('>') || opened > closed
            || (value.Contains("<!--", StringComparison.Ordinal) && !value.Contains("-->", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[\u0590-\u08FF\u200F\u202B\u202E\u2067]")]
    private static partial Regex RightToLeft();

    [GeneratedRegex(@"<(\w+)[^>]*>.*</\1>", RegexOptions.Singleline)]
    private static partial Regex ClosedElement();

    /// <summary>An element's start; br, img, hr, meta and input have no end tag.</summary>
    [GeneratedRegex(@"<(?!(?:br|img|hr|meta|input)\b)[a-zA-Z]", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"</[a-zA-Z]")]
    private static partial Regex ClosingTag();

    [GeneratedRegex(@"(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex Offset();

    [GeneratedRegex(@"T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex WithOffset();

    [GeneratedRegex(@"^(\d{4})-(\d\d)-(\d\d)")]
    private static partial Regex DayPart();
}
