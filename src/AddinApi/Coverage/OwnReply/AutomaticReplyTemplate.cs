using System.Globalization;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>The template filled in: the configured HTML with every placeholder replaced by its value, HTML-encoded.</summary>
public static partial class AutomaticReplyTemplate
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The day back in Swedish words: "måndag 7 december 2026".</summary>
    public static string ReturnDay(DateOnly day) => day.ToString("dddd d MMMM yyyy", Swedish);

    public static string Fill(AutomaticReplyOptions template, OrganisationOptions organisation, string officialName, DateOnly returnDate, Person? cover)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["returnDate"] = ReturnDay(returnDate),
            ["cover"] = cover is null ? "" : string.Join(", ", new[] { cover.Name, cover.Phone, cover.Email }.Where(v => !string.IsNullOrWhiteSpace(v))),
            ["coverName"] = cover?.Name ?? "",
            ["coverPhone"] = cover?.Phone ?? "",
            ["coverEmail"] = cover?.Email ?? "",
            ["contactCentrePhone"] = organisation.ContactCentre.Phone,
            ["contactCentreEmail"] = organisation.ContactCentre.Email,
            ["name"] = officialName,
            ["organisation"] = organisation.Name,
        };
        // One pass: a value that itself looks like a placeholder ("{name}" in a display name) stays as written.
        return Placeholder().Replace(cover is null ? template.WithoutCover : template.WithCover,
            m => values.TryGetValue(m.Groups[1].Value, out var value) ? GeneratedMail.Encoder.Encode(value) : m.Value);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
