using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>
/// The signed-in user's automatic reply in <c>/me/mailboxSettings</c>, as strict as Exchange where the adapter could go
/// wrong: a status or audience Graph does not know, a property automaticRepliesSetting does not have, a scheduled reply
/// without both dates or ending before it starts, a dateTime with an offset ("Z", "+01:00") or a time zone Graph does not
/// know — each a 400 with Graph's error body. The GET answers the dates in UTC, as Exchange keeps them.
/// </summary>
public sealed partial class FakeGraph
{
    private static readonly string[] Statuses = ["disabled", "alwaysEnabled", "scheduled"];
    private static readonly string[] Audiences = ["none", "contactsOnly", "all"];
    private static readonly string[] ReplyProperties =
        ["status", "externalAudience", "scheduledStartDateTime", "scheduledEndDateTime", "internalReplyMessage", "externalReplyMessage"];
    private static readonly string[] SettingsProperties =
        ["automaticRepliesSetting", "archiveFolder", "timeZone", "language", "workingHours", "dateFormat", "timeFormat",
         "delegateMeetingMessageDeliveryOptions", "userPurpose"];

    /// <summary>The signed-in user's automaticRepliesSetting as Exchange keeps it (off at first).</summary>
    public JsonObject OwnAutomaticReply { get; set; } = new()
    {
        ["status"] = "disabled",
        ["externalAudience"] = "all",
        ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = "2026-11-01T08:00:00.0000000", ["timeZone"] = "UTC" },
        ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = "2026-11-02T08:00:00.0000000", ["timeZone"] = "UTC" },
        ["internalReplyMessage"] = "",
        ["externalReplyMessage"] = "",
    };

    /// <summary>The app was consented MailboxSettings.Read only: a PATCH is refused as Graph refuses it.</summary>
    public bool MailboxSettingsReadOnly { get; set; }

    private void MapMailboxSettings()
    {
        _app.MapGet("/v1.0/me/mailboxSettings/automaticRepliesSetting", () =>
        {
            var answer = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('lina.graph%40botkyrka.se')/mailboxSettings/automaticRepliesSetting" };
            foreach (var (key, value) in OwnAutomaticReply) answer[key] = value?.DeepClone();
            return Results.Json(answer);
        });
        _app.MapMethods("/v1.0/me/mailboxSettings", ["PATCH"], async (HttpContext context) =>
        {
            if (MailboxSettingsReadOnly) return Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            JsonObject? body;
            try { body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject; }
            catch (JsonException) { body = null; }
            if (body is null) return Error(400, "RequestBodyRead", "The request body is not a JSON object.");
            if (body.Select(p => p.Key).FirstOrDefault(k => !k.StartsWith('@') && !SettingsProperties.Contains(k)) is { } unknown)
                return Error(400, "RequestBodyRead", $"The property '{unknown}' does not exist on type 'microsoft.graph.mailboxSettings'.");
            if (body["automaticRepliesSetting"] is not JsonObject patch) return Results.Json(new JsonObject { ["@odata.context"] = SettingsContext });
            if (CheckReply(patch) is { } refused) return refused;
            var merged = (JsonObject)OwnAutomaticReply.DeepClone();
            foreach (var (key, value) in patch.Where(p => !p.Key.StartsWith('@')))
                merged[key] = key.StartsWith("scheduled", StringComparison.Ordinal) && value is JsonObject time ? InUtc(time) : value?.DeepClone();
            OwnAutomaticReply = merged;
            return Results.Json(new JsonObject { ["@odata.context"] = SettingsContext, ["automaticRepliesSetting"] = merged.DeepClone() });
        });
    }

    private const string SettingsContext = "https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings";

    private static GraphError? CheckReply(JsonObject patch)
    {
        if (patch.Select(p => p.Key).FirstOrDefault(k => !k.StartsWith('@') && !ReplyProperties.Contains(k)) is { } unknown)
            return Error(400, "RequestBodyRead", $"The property '{unknown}' does not exist on type 'microsoft.graph.automaticRepliesSetting'.");
        var status = patch["status"]?.GetValue<string>();
        if (status is not null && !Statuses.Contains(status))
            return Error(400, "RequestBodyRead", $"Requested value '{status}' was not found.");
        if (patch["externalAudience"]?.GetValue<string>() is { } audience && !Audiences.Contains(audience))
            return Error(400, "RequestBodyRead", $"Requested value '{audience}' was not found.");
        DateTime? start = null, end = null;
        foreach (var name in new[] { "scheduledStartDateTime", "scheduledEndDateTime" })
        {
            if (patch[name] is null) continue;
            if (patch[name] is not JsonObject time || Local(time) is not { } moment)
                return Error(400, "ErrorInvalidRequest", $"The value of '{name}' is not a valid dateTimeTimeZone: a dateTime without offset and a known timeZone.");
            if (name == "scheduledStartDateTime") start = moment; else end = moment;
        }
        if (status == "scheduled")
        {
            if (start is null || end is null)
                return Error(400, "ErrorInvalidRequest", "A scheduled automatic reply needs both ScheduledStartDateTime and ScheduledEndDateTime.");
            if (end <= start) return Error(400, "ErrorInvalidScheduledOofDuration", "The end time must be later than the start time.");
        }
        return null;
    }

    /// <summary>The moment in UTC, or null for a dateTime with an offset or a zone Graph does not know.</summary>
    private static DateTime? Local(JsonObject time)
    {
        var text = time["dateTime"]?.GetValue<string>() ?? "";
        var zoneId = time["timeZone"]?.GetValue<string>() ?? "";
        if (!DateTimeWithoutOffset().IsMatch(text) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return null;
        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static JsonObject InUtc(JsonObject time) => new()
    {
        ["dateTime"] = Local(time)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$")]
    private static partial Regex DateTimeWithoutOffset();
}
