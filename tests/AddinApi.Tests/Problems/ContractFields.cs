using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>What a string field holds, as far as the contract says: the generator's valid values and the boundaries it tries follow it.</summary>
public enum FieldKind { Text, Html, Email, Date, DateTime, Time }

/// <summary>
/// A string field of one operation: a path, query or header parameter (<c>In</c> = path, query, header) or a place in the
/// JSON body (<c>In</c> = body, <c>Name</c> as <c>to[].address</c>, <c>headers.{}</c> for a dictionary's values).
/// </summary>
public sealed record ContractField(string Operation, string In, string Name, FieldKind Kind)
{
    public override string ToString() => $"{Operation} {In}:{Name} ({Kind})";
}

/// <summary>
/// Every string field of every operation of the API's OpenAPI document, found by walking it (through <c>$ref</c>, lists
/// and dictionaries), so that an operation added later is listed without anyone naming it.
/// </summary>
public static partial class ContractFields
{
    /// <summary>As deep as <see cref="ContractRequests"/> builds bodies.</summary>
    public const int MaxDepth = 4;

    public static IEnumerable<ContractField> Of(JsonNode document)
    {
        foreach (var (method, path, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            foreach (var parameter in operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [])
            {
                var schema = Resolve(document, parameter["schema"]);
                if ((string?)schema?["type"] == "string")
                    yield return new ContractField(name, (string)parameter["in"]!, (string)parameter["name"]!,
                        KindOf(schema, (string)parameter["name"]!, (string?)parameter["description"]));
            }
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } body)
                foreach (var (field, kind) in BodyFields(document, body, "", "", null, 0))
                    yield return new ContractField(name, "body", field, kind);
        }
    }

    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
            yield return (method.ToUpperInvariant(), path, operation!.AsObject());
    }

    public static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        while (schema?["$ref"] is { } reference)
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        return schema;
    }

    /// <summary>The string fields under a schema; a list's or dictionary's items keep the name and description of the field holding them.</summary>
    private static IEnumerable<(string Field, FieldKind Kind)> BodyFields(JsonNode document, JsonNode? schema, string at, string name,
        string? description, int depth)
    {
        schema = Resolve(document, schema);
        if (schema is null || depth >= MaxDepth) yield break;
        description = (string?)schema["description"] ?? description;
        switch ((string?)schema["type"])
        {
            case "string":
                yield return (at, KindOf(schema, name, description));
                break;
            case "array":
                foreach (var field in BodyFields(document, schema["items"], at + "[]", name, description, depth + 1)) yield return field;
                break;
            case "object" when schema["properties"] is JsonObject properties:
                foreach (var (property, value) in properties)
                foreach (var field in BodyFields(document, value, at.Length == 0 ? property : $"{at}.{property}", property, null, depth + 1))
                    yield return field;
                break;
            case "object" when schema["additionalProperties"] is JsonObject entries:
                foreach (var field in BodyFields(document, entries, at + ".{}", "", null, depth + 1)) yield return field;
                break;
        }
    }

    /// <summary>
    /// The kind of a string field: the schema's format first; then its description, for the many fields typed as plain
    /// strings that the API reads itself ("yyyy-MM-dd", "ISO 8601", "HTML", "e-mail address"); then the name ("…At" a
    /// moment, "…Html" HTML, "from"/"to"/"today" a day), where the contract says nothing more.
    /// </summary>
    public static FieldKind KindOf(JsonNode? schema, string name, string? description)
    {
        description ??= (string?)schema?["description"] ?? "";
        switch ((string?)schema?["format"])
        {
            case "date-time": return FieldKind.DateTime;
            case "date": return FieldKind.Date;
            case "time": return FieldKind.Time;
            case "email": return FieldKind.Email;
        }
        if (DateTimeDescribed().IsMatch(description)) return FieldKind.DateTime;
        if (DateDescribed().IsMatch(description)) return FieldKind.Date;
        if (name.EndsWith("At", StringComparison.Ordinal)) return FieldKind.DateTime;
        if (name.Contains("html", StringComparison.OrdinalIgnoreCase) || HtmlDescribed().IsMatch(description)) return FieldKind.Html;
        if (name.Contains("address", StringComparison.OrdinalIgnoreCase) || name.Contains("email", StringComparison.OrdinalIgnoreCase)
            || AddressDescribed().IsMatch(description))
            return FieldKind.Email;
        return name is "today" or "from" or "to" or "date" || name.EndsWith("Date", StringComparison.Ordinal) ? FieldKind.Date : FieldKind.Text;
    }

    [GeneratedRegex(@"ISO 8601|\d{4}-\d\d-\d\dT\d\d:\d\d")]
    private static partial Regex DateTimeDescribed();

    [GeneratedRegex(@"(?i)yyyy-mm-dd|\b\d{4}-\d\d-\d\d\b")]
    private static partial Regex DateDescribed();

    /// <summary>"The body as HTML", "(HTML)"; not "when the mail is not HTML".</summary>
    [GeneratedRegex(@"\b(as|in) HTML\b|\(HTML\)")]
    private static partial Regex HtmlDescribed();

    [GeneratedRegex(@"(?i)e-mail address|e-post|\baddress(es)?\b")]
    private static partial Regex AddressDescribed();
}
