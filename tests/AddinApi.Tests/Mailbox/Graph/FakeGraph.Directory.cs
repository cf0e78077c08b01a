using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>The signed-in head's direct reports, paged as Graph pages them.</summary>
public sealed partial class FakeGraph
{
    /// <summary>The head's direct reports; null: the first two of <see cref="People"/>.</summary>
    public List<JsonObject>? DirectReports { get; set; }

    /// <summary>The most Graph puts on one page whatever <c>$top</c> asks (it may send fewer than asked).</summary>
    public int DirectReportsPageLimit { get; set; } = 999;

    /// <summary>A unit of <paramref name="count"/> people at the municipality's domain.</summary>
    public static List<JsonObject> Unit(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Person($"Medarbetare {i:000}", "Handläggare", null, $"medarbetare{i:000}@botkyrka.se", "Bygglovsenheten"))];

    private void MapDirectReports() => _app.MapGet("/v1.0/me/directReports/graph.user", IResult (HttpContext context) =>
    {
        var query = context.Request.Query;
        var top = query.TryGetValue("$top", out var t) ? int.Parse(t.ToString(), CultureInfo.InvariantCulture) : 100;
        if (top is < 1 or > 999) return Error(400, "Request_BadRequest", $"Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive.");
        var skip = query.TryGetValue("$skiptoken", out var token) ? int.Parse(token.ToString(), CultureInfo.InvariantCulture) : 0;
        var all = DirectReports ?? [.. People.Take(2)];
        var size = Math.Min(top, DirectReportsPageLimit);
        var answer = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(displayName,jobTitle,businessPhones,mobilePhone,mail,userPrincipalName,department)",
            ["value"] = new JsonArray([.. all.Skip(skip).Take(size).Select(p => (JsonNode)p.DeepClone())]),
        };
        if (skip + size < all.Count)
            answer["@odata.nextLink"] = $"{BaseUrl}/v1.0/me/directReports/graph.user?$select={Uri.EscapeDataString(query["$select"].ToString())}&$top={top}&$skiptoken={skip + size}";
        return Results.Json(answer);
    });
}
