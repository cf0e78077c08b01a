using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>A request to the API as the fuzz sends it.</summary>
public sealed record ContractRequest(string Method, string Path, string? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public override string ToString()
    {
        var body = Body is null ? "" : " " + (Body.Length > 600 ? Body[..600] + $"… ({Body.Length} chars)" : Body);
        var headers = string.Concat(Headers.Select(h => $" [{h.Key}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}]"));
        return $"{Method} {(Path.Length > 300 ? Path[..300] + "…" : Path)}{headers} ({ContentType}){body}";
    }
}

/// <summary>
/// Requests for every operation of the API's own OpenAPI document: its path, query and header parameters and its
/// JSON body, each with the values the schema allows (null where nullable, enum values, dates) and the values a
/// careless or hostile client sends (null elements, wrong types, empty and long lists, huge strings, odd dates,
/// unknown fields, broken JSON).
/// </summary>
public sealed class ContractRequests(JsonNode document, IReadOnlyList<string> knownIds)
{
    private const int MaxDepth = 4;

    private static readonly string[] OddStrings =
    [
        "", " ", "null", "0", "-1", "true", "x", "Å", "ä ö", "\u0000", "\t\n", "😀", "‮", "%", "%00", "%2F", "..", "../..", "a/b", "?", "#",
        "<div>", "<script>x</script>", "811218-9876", "anna.berg@example.se", "@", "a@", "KS/2026:17", "NaN", "Infinity",
        "question", "QUESTION", "fi", "sv", "en", "called-back", "first", "2026-11-28", "2026-11-28T10:00:00+01:00",
    ];

    private static readonly string[] OddDates =
    [
        "2026-11-28", "2026-11-27", "2026-12-24", "2026-02-29", "2028-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "0001-01-01",
        "9999-12-31", "1900-01-01", "2026-1-5", "28/11/2026", "2026-11-28T10:00:00", "", "i morgon", "20261128", "+002026-11-28",
    ];

    private static readonly string[] OddDateTimes =
    [
        "2026-11-28T10:00:00+01:00", "2026-11-27T23:30:00Z", "2026-06-19T12:00:00+02:00", "2026-11-28T10:00:00", "2026-11-28",
        "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00-14:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00",
        "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00", "2026-11-28T25:00:00Z", "2026-03-29T02:30:00+01:00",
        "2026-10-25T02:30:00+02:00", "1970-01-01T00:00:00Z", "", "nu", "1764320400",
    ];

    private static readonly string[] OddNumbers = ["0", "-1", "1", "1.5", "-0", "1e3", "1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809"];

    private readonly List<(string Method, string Path, JsonObject Operation)> _operations = Operations(document).ToList();

    private readonly string[] _enumValues = document["components"]?["schemas"]?.AsObject()
        .SelectMany(s => s.Value?["enum"]?.AsArray().Select(v => v?.ToString() ?? "") ?? []).Distinct().ToArray() ?? [];

    /// <summary>The operations of the document, as (method, path template).</summary>
    public IEnumerable<string> OperationNames => _operations.Select(o => $"{o.Method} {o.Path}");

    /// <summary>A request for any operation.</summary>
    public Gen<ContractRequest> Any => Gen.OneOf(_operations.Select(o => For(o.Method, o.Path, o.Operation)).ToArray());

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
            yield return (method.ToUpperInvariant(), path, operation!.AsObject());
    }

    private Gen<ContractRequest> For(string method, string template, JsonObject operation)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var pathParameters = parameters.Where(p => (string?)p["in"] == "path").ToList();
        var queryParameters = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var headerParameters = parameters.Where(p => (string?)p["in"] == "header").ToList();
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];

        var path = Gen.Select(
            Sequence(pathParameters.Select(p => PathValue(Resolve(p["schema"])).Select(v => ((string)p["name"]!, v)))),
            Sequence(queryParameters.Select(p => QueryValue(p).Select(v => ((string)p["name"]!, v)))),
            (values, query) => Fill(template, values) + QueryString(query));
        var headers = Sequence(headerParameters.Select(p => HeaderValue().Select(v => ((string)p["name"]!, v))))
            .Select(h => (IReadOnlyDictionary<string, string>)h.Where(x => x.Item2 is not null).ToDictionary(x => x.Item1, x => x.Item2!));
        var body = bodySchema is null
            ? Gen.Frequency((8, Gen.Const<(string?, string?)>((null, null))), (1, RawBody()))
            : Gen.Frequency((12, Body(bodySchema).Select(v => ((string?)(v?.ToJsonString() ?? "null"), (string?)"application/json"))), (1, RawBody()));
        return Gen.Select(path, headers, body, (p, h, b) => new ContractRequest(method, p, b.Item1, b.Item2, h));
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        while (schema?["$ref"] is { } reference)
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        return schema;
    }

    // ---- path, query and header values ----

    private Gen<string> PathValue(JsonNode? schema) => Gen.Frequency(
        (6, Gen.OneOf(knownIds.Count > 0 ? knownIds.ToArray() : ["x"])),
        // No NUL: Kestrel refuses a path with one before the API sees it, and TestServer throws on it.
        (3, Gen.OneOf(OddStrings.Where(s => s.Length > 0 && !s.Contains('/', StringComparison.Ordinal) && !s.Contains('\0', StringComparison.Ordinal)).ToArray())),
        (2, Gen.String[1, 40].Select(s => s.Replace('\0', ' '))),
        (1, Gen.Int[1, 5_000].Select(n => new string('a', n))),
        (1, StringOf(schema).Select(s => s.Length == 0 ? "x" : s.Replace('\0', ' '))));

    private Gen<string?> QueryValue(JsonObject parameter) => Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (8, StringOf(parameter["schema"], (string)parameter["name"]!, (string?)parameter["description"]).Select(s => (string?)s)),
        (1, Gen.OneOf(OddStrings).Select(s => (string?)s)),
        (1, Gen.Int[1, 10_000].Select(n => (string?)new string('9', n))));

    private static Gen<string?> HeaderValue() => Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (4, Gen.Guid.Select(g => (string?)g.ToString())),
        (2, Gen.OneOf("", " ", "x", "\"", "a,b").Select(s => (string?)s)),
        (1, Gen.Int[1, 6_000].Select(n => (string?)new string('k', n))));

    private static string Fill(string template, IEnumerable<(string Name, string Value)> values) =>
        values.Aggregate(template, (path, v) => path.Replace("{" + v.Name + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));

    private static string QueryString(IEnumerable<(string Name, string? Value)> query)
    {
        var given = query.Where(q => q.Value is not null).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    /// <summary>
    /// A string the schema asks for: an enum value, a date, a date-time, a number. The document types many fields as
    /// plain strings that the API reads itself, so the name tells the rest: "…At" a moment, "today", "from", "to" a
    /// date, an address an e-mail address, a language a language code, anything else perhaps one of the enums.
    /// </summary>
    private Gen<string> StringOf(JsonNode? schema, string name = "", string? description = null)
    {
        schema = Resolve(schema);
        if (schema?["enum"] is JsonArray values && values.Count > 0)
            return Gen.OneOf(values.Select(v => v?.ToString() ?? "").ToArray());
        var type = (string?)schema?["type"];
        var format = (string?)schema?["format"];
        if (format == "date-time" || name.EndsWith("At", StringComparison.Ordinal))
            return Gen.Frequency((1, Gen.OneOf(OddDateTimes)), (3, Gen.Int[-600_000, 600_000].Select(m => Today.AddMinutes(m).ToString("O", CultureInfo.InvariantCulture))));
        if (format == "date" || name is "today" or "from" or "to" or "date" || name.EndsWith("Date", StringComparison.Ordinal))
            return Gen.Frequency((1, Gen.OneOf(OddDates)), (4, Gen.Int[-400, 400].Select(d => DateOnly.FromDateTime(Today.DateTime).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        if (type is "integer" or "number") return Gen.OneOf(OddNumbers);
        if (type == "boolean") return Gen.OneOf("true", "false", "1", "yes");
        if (name.Contains("address", StringComparison.OrdinalIgnoreCase) || name.Contains("email", StringComparison.OrdinalIgnoreCase))
            return Gen.Frequency((4, Gen.OneOf(Addresses)), (1, Gen.OneOf(OddStrings)));
        if (name.Contains("language", StringComparison.OrdinalIgnoreCase))
            return Gen.Frequency((4, Gen.OneOf("sv", "fi", "en")), (1, Gen.OneOf(OddStrings)));
        // A description that names enum values ("question, opinion, …") names the values the field takes.
        description ??= (string?)schema?["description"] ?? "";
        var named = _enumValues.Where(v => v.Length > 1 && Regex.IsMatch(description, $@"(?<![\w-]){Regex.Escape(v)}(?![\w-])")).ToArray();
        return named.Length > 0
            ? Gen.Frequency((6, Gen.OneOf(named)), (1, Gen.OneOf(OddStrings)), (1, Gen.String[0, 30]))
            : Gen.Frequency((3, _enumValues.Length > 0 ? Gen.OneOf(_enumValues) : Gen.OneOf(OddStrings)), (3, Gen.OneOf(OddStrings)), (2, Gen.String[0, 30]));
    }

    /// <summary>The fixed day of the test clock (Reviewing.Now).</summary>
    private static readonly DateTimeOffset Today = Tests.Drafts.Reviewing.Now;

    private static readonly string[] Addresses =
    [
        "anna.berg@example.se", "per.holm@botkyrka.se", "handlaggare@sandbox.botkyrka.se", "bygglov@sandbox.botkyrka.se",
        "kontaktcenter@botkyrka.se", "noreply@example.se", "a@b", "Anna Berg <anna.berg@example.se>",
    ];

    // ---- JSON bodies ----

    private static Gen<(string?, string?)> RawBody() => Gen.OneOf<(string?, string?)>(
        ("", "application/json"), ("{", "application/json"), ("[]", "application/json"), ("null", "application/json"),
        ("123", "application/json"), ("\"x\"", "application/json"), ("{\"a\":", "application/json"), ("{}", "text/plain"),
        ("{}", null), ("{} {}", "application/json"), ("\uFEFF{}", "application/json"), ("{\"a\":1,\"a\":2}", "application/json"),
        (new string('[', 5_000), "application/json"));

    /// <summary>A body the schema allows, then none, one or two places in it changed to what it does not allow.</summary>
    private Gen<JsonNode?> Body(JsonNode schema) =>
        Gen.Select(Valid(schema, 0), Mutation.Array[0, 2], Gen.Frequency((2, Gen.Int[0, 0]), (3, Gen.Int[1, 2])),
            (body, mutations, count) => mutations.Take(count).Aggregate(body, (tree, m) => m.Apply(tree)));

    /// <summary>A value the schema allows: its type, null where nullable, enum values, dates, empty and long lists.</summary>
    private Gen<JsonNode?> Valid(JsonNode? schema, int depth, string name = "")
    {
        schema = Resolve(schema);
        var value = ValidNotNull(schema, depth, name);
        return (bool?)schema?["nullable"] == true ? Gen.Frequency((8, value), (1, Gen.Const((JsonNode?)null))) : value;
    }

    private Gen<JsonNode?> ValidNotNull(JsonNode? schema, int depth, string name)
    {
        if (schema?["enum"] is JsonArray values && values.Count > 0)
            return Gen.OneOf(values.Select(v => v?.ToString() ?? "").ToArray()).Select(s => (JsonNode?)JsonValue.Create(s));
        switch ((string?)schema?["type"])
        {
            case "object" when schema!["properties"] is JsonObject properties && depth < MaxDepth:
                return Object(properties, depth);
            case "object" when schema!["additionalProperties"] is JsonObject entries && depth < MaxDepth:
                return Dictionary(entries, depth);
            case "array" when depth < MaxDepth:
                return Gen.Frequency(
                    (2, Gen.Const<JsonNode?>(() => new JsonArray())),
                    (6, Valid(schema!["items"], depth + 1).Array[1, 4].Select(ToArray)),
                    (1, Valid(schema!["items"], depth + 1).Where(v => v is null || v.ToJsonString().Length < 200)
                        .Select(v => ToArray(Enumerable.Repeat(v, 300).ToArray()))));
            case "integer" or "number":
                return Gen.Frequency((3, Gen.Int[0, 100_000].Select(n => (JsonNode?)JsonValue.Create(n))), (1, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))));
            case "boolean":
                return Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
            case "string":
                return Gen.Frequency((8, StringOf(schema, name).Select(s => (JsonNode?)JsonValue.Create(s))), (1, Huge()));
            default:
                return Wrong(depth);
        }
    }

    private Gen<JsonNode?> Object(JsonObject properties, int depth) =>
        Sequence(properties.Select(p => Gen.Frequency(
                (1, Gen.Const<(string, JsonNode?, bool)>((p.Key, null, false))),
                (8, Valid(p.Value, depth + 1, p.Key).Select(v => (p.Key, v, true))))))
            .Select(given =>
            {
                var json = new JsonObject();
                foreach (var (name, value, present) in given)
                    if (present) json[name] = value?.DeepClone();
                return (JsonNode?)json;
            });

    private Gen<JsonNode?> Dictionary(JsonObject entries, int depth) =>
        Gen.Select(Gen.OneOf("Auto-Submitted", "List-Unsubscribe", "Precedence", "X-Autoreply", "", "ä").Array[0, 4],
                Valid(entries, depth + 1).Array[0, 4], (keys, values) =>
            {
                var json = new JsonObject();
                for (var i = 0; i < Math.Min(keys.Length, values.Length); i++) json[keys[i]] = values[i]?.DeepClone();
                return (JsonNode?)json;
            });

    private static JsonNode? ToArray(JsonNode?[] values) => new JsonArray(values.Select(v => v?.DeepClone()).ToArray());

    /// <summary>A value of a type the schema does not ask for.</summary>
    private static Gen<JsonNode?> Wrong(int depth) => Gen.OneOf(
        Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.OneOf(OddStrings).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Const<JsonNode?>(() => new JsonObject()),
        Gen.Const<JsonNode?>(() => new JsonArray()),
        Gen.Const<JsonNode?>(() => depth < MaxDepth ? new JsonArray(new JsonObject(), null, JsonValue.Create(1)) : null));

    /// <summary>Up to 100,000 characters: long enough to find what grows with the input, short enough to keep the test quick.</summary>
    private static Gen<JsonNode?> Huge() =>
        Gen.OneOf("a", "ä", "811218-9876 ", "<div>", "Hej. ", "\n").SelectMany(part =>
            Gen.Int[1_000, 100_000 / part.Length].Select(n => (JsonNode?)JsonValue.Create(new StringBuilder(part.Length * n).Insert(0, part, n).ToString())));

    /// <summary>One change to a body at a place chosen by <c>At</c>: null, a null element, a wrong type, a field gone or added.</summary>
    private sealed record Change(int At, int Kind, JsonNode? Wrong)
    {
        public JsonNode? Apply(JsonNode? tree)
        {
            var nodes = new List<JsonNode>();
            Collect(tree, nodes);
            if (nodes.Count == 0) return Kind == 0 ? null : Wrong?.DeepClone();
            var node = nodes[At % nodes.Count];
            switch (Kind)
            {
                case 0 or 1 when node.Parent is null:
                    return Kind == 0 ? null : Wrong?.DeepClone();
                case 0:
                    node.ReplaceWith<JsonNode?>(null);
                    break;
                case 1:
                    node.ReplaceWith(Wrong?.DeepClone());
                    break;
                case 2 when node is JsonArray array:
                    array.Insert(At % (array.Count + 1), null);
                    break;
                case 2 when node is JsonObject json && json.Count > 0:
                    json.Remove(json.ElementAt(At % json.Count).Key);
                    break;
                case 2 when node is JsonObject json:
                    json["extra"] = 1;
                    break;
                default:
                    (node.Parent as JsonArray)?.Add(null);
                    break;
            }
            return tree;
        }

        private static void Collect(JsonNode? node, List<JsonNode> nodes)
        {
            if (node is null) return;
            nodes.Add(node);
            if (node is JsonObject json) foreach (var (_, value) in json) Collect(value, nodes);
            if (node is JsonArray array) foreach (var item in array) Collect(item, nodes);
        }
    }

    private static readonly Gen<Change> Mutation =
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 3], Wrong(0), (at, kind, wrong) => new Change(at, kind, wrong));

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(System.Array.Empty<T>()), (all, next) => Gen.Select(all, next, (a, n) => (T[])[.. a, n]));
}
