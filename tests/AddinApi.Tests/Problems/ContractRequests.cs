using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// A request to the API as the fuzz sends it: for operation <c>Operation</c>, with the parameter values before they were
/// escaped into <c>Path</c> and the JSON body as a tree (<c>Json</c>), written out (<see cref="Body"/>) only when sent.
/// A body that is not a tree (broken JSON, another media type) is <c>Raw</c>; no <c>ContentType</c> and no <c>Raw</c>: no body.
/// </summary>
public sealed record ContractRequest(string Operation, string Method, string Path, JsonNode? Json, string? Raw, string? ContentType,
    IReadOnlyDictionary<string, string> Headers, IReadOnlyList<ParameterValue> Parameters)
{
    public string? Body => Raw ?? (ContentType is null ? null : JsonText.Write(Json));

    public override string ToString()
    {
        var text = Body;
        var body = text is null ? "" : " " + (text.Length > 600 ? text[..600] + $"… ({text.Length} chars)" : text);
        var headers = string.Concat(Headers.Select(h => $" [{h.Key}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}]"));
        return $"{Method} {(Path.Length > 300 ? Path[..300] + "…" : Path)}{headers} ({ContentType}){body}";
    }
}

/// <summary>A path, query or header parameter's value as generated, before it was escaped.</summary>
public sealed record ParameterValue(string In, string Name, string Value);

/// <summary>
/// Requests for every operation of the API's own OpenAPI document: its path, query and header parameters and its
/// JSON body, each with the values the schema allows (null where nullable, enum values, dates) and the values a
/// careless or hostile client sends (null elements, wrong types, empty and long lists, huge strings, odd dates,
/// unknown fields, broken JSON). Every string field, whatever its kind (<see cref="ContractFields"/>), also gets the
/// hostile values and, for dates, moments and times, the calendar's edges (<see cref="FieldValues"/>).
/// </summary>
public sealed class ContractRequests(JsonNode document, IReadOnlyList<string> knownIds)
{
    private const int MaxDepth = ContractFields.MaxDepth;

    private static readonly string[] OddStrings =
    [
        "", " ", "null", "0", "-1", "true", "x", "Å", "ä ö", "\u0000", "\t\n", "😀", "‮", "%", "%00", "%2F", "..", "../..", "a/b", "?", "#",
        "<div>", "<script>x</script>", "811218-9876", "anna.berg@example.se", "@", "a@", "KS/2026:17", "NaN", "Infinity",
        "question", "QUESTION", "fi", "sv", "en", "called-back", "first", "2026-11-28", "2026-11-28T10:00:00+01:00",
    ];

    private static readonly string[] OddNumbers = ["0", "-1", "1", "1.5", "-0", "1e3", "1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809"];

    private readonly List<(string Method, string Path, JsonObject Operation)> _operations = ContractFields.Operations(document).ToList();

    private readonly string[] _enumValues = document["components"]?["schemas"]?.AsObject()
        .SelectMany(s => s.Value?["enum"]?.AsArray().Select(v => v?.ToString() ?? "") ?? []).Distinct().ToArray() ?? [];

    /// <summary>The operations of the document, as (method, path template).</summary>
    public IEnumerable<string> OperationNames => _operations.Select(o => $"{o.Method} {o.Path}");

    /// <summary>A request for any operation.</summary>
    public Gen<ContractRequest> Any => Where(_ => true);

    /// <summary>A request for any operation whose name ("PUT /api/me/automatic-reply") passes <paramref name="operation"/>.</summary>
    public Gen<ContractRequest> Where(Func<string, bool> operation) =>
        Gen.OneOf(_operations.Where(o => operation($"{o.Method} {o.Path}")).Select(o => For(o.Method, o.Path, o.Operation)).ToArray());

    private Gen<ContractRequest> For(string method, string template, JsonObject operation)
    {
        var declared = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var pathParameters = declared.Where(p => (string?)p["in"] == "path").ToList();
        var queryParameters = declared.Where(p => (string?)p["in"] == "query").ToList();
        var headerParameters = declared.Where(p => (string?)p["in"] == "header").ToList();
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];

        var pathValues = Sequence(pathParameters.Select(p => PathValue(p).Select(v => new ParameterValue("path", (string)p["name"]!, v))));
        var queryValues = Sequence(queryParameters.Select(p => QueryValue(p).Select(v => v is null ? null : (ParameterValue?)new ParameterValue("query", (string)p["name"]!, v))));
        var headerValues = Sequence(headerParameters.Select(p => HeaderValue(p).Select(v => v is null ? null : (ParameterValue?)new ParameterValue("header", (string)p["name"]!, v))));
        var parameters = Gen.Select(pathValues, queryValues, headerValues, (p, q, h) => (IReadOnlyList<ParameterValue>)[.. p, .. q.OfType<ParameterValue>(), .. h.OfType<ParameterValue>()]);
        var body = bodySchema is null
            ? Gen.Frequency((8, Gen.Const<(JsonNode?, string?, string?)>((null, null, null))), (1, RawBody()))
            : Gen.Frequency((12, Body(bodySchema).Select(v => (v, (string?)null, (string?)"application/json"))), (1, RawBody()));
        return Gen.Select(parameters, body, (p, b) => new ContractRequest($"{method} {template}", method, Fill(template, p) + QueryString(p), b.Item1, b.Item2, b.Item3,
            p.Where(v => v.In == "header").ToDictionary(v => v.Name, v => v.Value), p));
    }

    private JsonNode? Resolve(JsonNode? schema) => ContractFields.Resolve(document, schema);

    // ---- path, query and header values ----

    // No NUL in a path: Kestrel refuses a path with one before the API sees it, and TestServer throws on it. A path
    // value is never empty: that is another route.
    private Gen<string> PathValue(JsonObject parameter) => Gen.Frequency(
        (5, Gen.OneOf(knownIds.Count > 0 ? knownIds.ToArray() : ["x"])),
        (1, Gen.String[1, 40]),
        (8, ParameterString(parameter))).Select(s => s.Replace('\0', ' ')).Select(s => s.Length == 0 ? "x" : s);

    private Gen<string?> QueryValue(JsonObject parameter) => Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (10, ParameterString(parameter).Select(s => (string?)s)));

    private Gen<string?> HeaderValue(JsonObject parameter) => Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (3, Gen.Guid.Select(g => (string?)g.ToString())),
        (1, Gen.OneOf("", " ", "x", "\"", "a,b").Select(s => (string?)s)),
        // No line breaks or NUL in a header: HTTP has no way to carry them, and HttpClient refuses them.
        (8, ParameterString(parameter).Select(s => (string?)s.Replace('\r', ' ').Replace('\n', ' ').Replace('\0', ' '))));

    /// <summary>A parameter's value: its kind's, a hostile one, an empty or "null" one, or another JSON type's notation.</summary>
    private Gen<string> ParameterString(JsonObject parameter) => Gen.Frequency(
        (10, StringOf(parameter["schema"], (string)parameter["name"]!, (string?)parameter["description"], longest: 20_000)),
        (2, Gen.OneOf("", "null")),
        (2, Gen.OneOf("true", "[]", "{}", "1e400", "-1")));

    private static string Fill(string template, IEnumerable<ParameterValue> values) =>
        values.Where(v => v.In == "path").Aggregate(template, (path, v) => path.Replace("{" + v.Name + "}", Escape(v.Value), StringComparison.Ordinal));

    private static string QueryString(IEnumerable<ParameterValue> values)
    {
        var given = values.Where(v => v.In == "query").Select(q => $"{Escape(q.Name)}={Escape(q.Value)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    /// <summary>
    /// Percent-encoded as UTF-8; an unpaired surrogate, which UTF-8 cannot carry and <see cref="Uri.EscapeDataString(string)"/>
    /// turns into U+FFFD, as the three bytes a careless encoder writes for it (WTF-8), so that the API sees them.
    /// </summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (!char.IsSurrogate(value[i])) continue;
            escaped.Append(Uri.EscapeDataString(value[start..i]))
                .Append(CultureInfo.InvariantCulture, $"%{0xE0 | (value[i] >> 12):X2}%{0x80 | ((value[i] >> 6) & 0x3F):X2}%{0x80 | (value[i] & 0x3F):X2}");
            start = i + 1;
        }
        return escaped.Append(Uri.EscapeDataString(value[start..])).ToString();
    }

    /// <summary>
    /// A string for a field of the schema: mostly one its kind allows (<see cref="ContractFields.KindOf"/>: an enum value,
    /// a date, a moment, an address, HTML), else an odd or hostile one, and for dates and times the calendar's edges.
    /// </summary>
    private Gen<string> StringOf(JsonNode? schema, string name, string? description, int longest)
    {
        schema = Resolve(schema);
        var type = (string?)schema?["type"];
        if (type is "integer" or "number") return Gen.OneOf(OddNumbers);
        if (type == "boolean") return Gen.OneOf("true", "false", "1", "yes");
        var kind = ContractFields.KindOf(schema, name, description);
        var calendar = kind is FieldKind.Date or FieldKind.DateTime or FieldKind.Time;
        return Gen.Frequency(
            (10, ValidOf(schema, kind, name, description)),
            (1, Gen.OneOf(OddStrings)),
            (6, FieldValues.HostileText(longest)),
            (calendar ? 6 : 1, FieldValues.Boundary(kind)));
    }

    /// <summary>
    /// A value the field takes. The document types many fields as plain strings that the API reads itself, so a language
    /// is a language code, and a description that names enum values ("question, opinion, …") names the values the field takes.
    /// </summary>
    private Gen<string> ValidOf(JsonNode? schema, FieldKind kind, string name, string? description)
    {
        if (schema?["enum"] is JsonArray values && values.Count > 0)
            return Gen.OneOf(values.Select(v => v?.ToString() ?? "").ToArray());
        if ((string?)schema?["format"] == "uuid") return Gen.Guid.Select(g => g.ToString());
        if (kind != FieldKind.Text) return FieldValues.Valid(kind);
        if (name.Contains("language", StringComparison.OrdinalIgnoreCase)) return Gen.OneOf("sv", "fi", "en");
        description ??= (string?)schema?["description"] ?? "";
        var named = _enumValues.Where(v => v.Length > 1 && Regex.IsMatch(description, $@"(?<![\w-]){Regex.Escape(v)}(?![\w-])")).ToArray();
        return named.Length > 0
            ? Gen.Frequency((6, Gen.OneOf(named)), (1, FieldValues.Valid(kind)))
            : Gen.Frequency((3, _enumValues.Length > 0 ? Gen.OneOf(_enumValues) : FieldValues.Valid(kind)), (3, FieldValues.Valid(kind)));
    }

    // ---- JSON bodies ----

    private static Gen<(JsonNode?, string?, string?)> RawBody() => Gen.OneOf<(JsonNode?, string?, string?)>(
        (null, "", "application/json"), (null, "{", "application/json"), (null, "[]", "application/json"), (null, "null", "application/json"),
        (null, "123", "application/json"), (null, "\"x\"", "application/json"), (null, "{\"a\":", "application/json"), (null, "{}", "text/plain"),
        (null, "{}", null), (null, "{} {}", "application/json"), (null, "\uFEFF{}", "application/json"), (null, "{\"a\":1,\"a\":2}", "application/json"),
        (null, new string('[', 5_000), "application/json"));

    /// <summary>A body the schema allows, then none, one or two places in it changed to what it does not allow.</summary>
    private Gen<JsonNode?> Body(JsonNode schema) =>
        Gen.Select(Valid(schema, 0), Mutation.Array[0, 2], Gen.Frequency((2, Gen.Int[0, 0]), (3, Gen.Int[1, 2])),
            (body, mutations, count) => mutations.Take(count).Aggregate(body, (tree, m) => m.Apply(tree)));

    /// <summary>A value the schema allows: its type, null where nullable, enum values, dates, empty and long lists.</summary>
    private Gen<JsonNode?> Valid(JsonNode? schema, int depth, string name = "", string? description = null)
    {
        schema = Resolve(schema);
        var value = ValidNotNull(schema, depth, name, (string?)schema?["description"] ?? description);
        return (bool?)schema?["nullable"] == true ? Gen.Frequency((8, value), (1, Gen.Const((JsonNode?)null))) : value;
    }

    private Gen<JsonNode?> ValidNotNull(JsonNode? schema, int depth, string name, string? description)
    {
        switch ((string?)schema?["type"])
        {
            case "object" when schema!["properties"] is JsonObject properties && depth < MaxDepth:
                return Object(properties, depth);
            case "object" when schema!["additionalProperties"] is JsonObject entries && depth < MaxDepth:
                return Dictionary(entries, depth);
            case "array" when depth < MaxDepth:
                return Gen.Frequency(
                    (2, Gen.Const<JsonNode?>(() => new JsonArray())),
                    (6, Valid(schema!["items"], depth + 1, name, (string?)schema["description"] ?? description).Array[1, 4].Select(ToArray)),
                    (1, Valid(schema!["items"], depth + 1, name, (string?)schema["description"] ?? description).Where(v => v is null || JsonText.Write(v).Length < 200)
                        .Select(v => ToArray(Enumerable.Repeat(v, 300).ToArray()))));
            case "integer" or "number":
                return Gen.Frequency((3, Gen.Int[0, 100_000].Select(n => (JsonNode?)JsonValue.Create(n))), (1, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))));
            case "boolean":
                return Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
            case "string":
                // Null and another type in this very field, besides the mutations' anywhere in the body.
                return Gen.Frequency((14, StringOf(schema, name, description, longest: 100_000).Select(s => (JsonNode?)JsonValue.Create(s))),
                    (1, Gen.Const((JsonNode?)null)), (1, Wrong(depth)));
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
