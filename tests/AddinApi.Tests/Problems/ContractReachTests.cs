using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Kontaktlofte.AddinApi.Auth;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// What the contract fuzz (<see cref="ContractFuzzTests"/>) reaches (issue 12): every string field of every operation in
/// the API's own OpenAPI document, each with a valid value, every hostile class and, for dates, moments and times, the
/// calendar's edges. The fields are found in the document, so an operation added later is held to the same.
/// </summary>
[TestClass]
public sealed partial class ContractReachTests
{
    /// <summary>Requests generated per operation: enough that a class with a chance of 1 in 50 is missed once in 10^13.</summary>
    private const int PerOperation = 1_000;

    private static JsonNode _document = null!;

    [ClassInitialize]
    public static async Task ReadContract(TestContext _)
    {
        using var api = new KontaktlofteFactory();
        using var client = api.ClientAs(Roles.Handlaggare, Roles.Registrator, Roles.Enhetschef);
        _document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    [TestMethod]
    [DataRow("POST /api/drafts/review", "body", "bodyHtml", FieldKind.Html, DisplayName = "the draft review's HTML body")]
    [DataRow("POST /api/drafts/review", "body", "bodyText", FieldKind.Text, DisplayName = "a plain-text body, not HTML for saying \"not HTML\"")]
    [DataRow("POST /api/drafts/review", "body", "to[].address", FieldKind.Email, DisplayName = "an address in a list of recipients")]
    [DataRow("POST /api/messages/classify", "body", "headers.{}", FieldKind.Text, DisplayName = "a dictionary's values")]
    [DataRow("PUT /api/mailboxes/{address}", "body", "watchers[]", FieldKind.Email, DisplayName = "a list of addresses, said by the list's description")]
    [DataRow("PUT /api/me/automatic-reply", "body", "returnDate", FieldKind.Date, DisplayName = "the automatic reply's return date")]
    [DataRow("POST /api/me/automatic-reply/preview", "body", "coverId", FieldKind.Email, DisplayName = "the automatic reply's colleague")]
    [DataRow("POST /api/sandbox/messages/{id}/draft", "body", "to", FieldKind.Email, DisplayName = "\"to\" that is an address, not a day")]
    [DataRow("GET /api/deadlines", "query", "receivedAt", FieldKind.DateTime, DisplayName = "a moment typed as a plain string")]
    [DataRow("GET /api/deadlines", "query", "today", FieldKind.Date, DisplayName = "a day typed as a plain string")]
    [DataRow("GET /api/reports/promise", "query", "to", FieldKind.Date, DisplayName = "a day said only by its name")]
    [DataRow("POST /api/messages/{id}/acknowledgement", "header", "Idempotency-Key", FieldKind.Text, DisplayName = "a header")]
    [DataRow("POST /api/messages/{id}/acknowledgement", "path", "id", FieldKind.Text, DisplayName = "a path parameter")]
    public void Every_string_field_of_the_contract_is_listed_with_its_kind(string operation, string at, string name, FieldKind kind)
    {
        var fields = ContractFields.Of(_document).ToList();

        CollectionAssert.Contains(fields, new ContractField(operation, at, name, kind), string.Join("\n", fields.Where(f => f.Operation == operation)));
    }

    [TestMethod]
    public void The_fuzz_generates_every_string_field_with_a_valid_value_every_hostile_value_and_the_calendars_edges()
    {
        var fields = ContractFields.Of(_document).ToList();
        Assert.IsGreaterThan(100, fields.Count, "the contract has over a hundred string fields");
        var requests = new ContractRequests(_document, ["x"]);
        var missing = new List<string>();

        foreach (var operation in fields.GroupBy(f => f.Operation))
        {
            var seen = Reached(requests.Where(o => o == operation.Key), operation.ToList(), PerOperation);
            missing.AddRange(seen.SelectMany(f => Wanted(f.Key.Kind).Except(f.Value).Select(c => $"{f.Key}: {c}")));
        }

        Assert.IsEmpty(missing, "never generated:\n" + string.Join("\n", missing));
    }

    /// <summary>Not a check (the numbers are chance): how much of it one run of the fuzz's own budget reaches, for the README.</summary>
    [TestMethod]
    public void How_much_one_run_of_the_fuzz_reaches_is_written_out()
    {
        var fields = ContractFields.Of(_document).ToList();
        var seen = Reached(new ContractRequests(_document, ["x"]).Any, fields, ContractFuzzTests.Requests);

        var wanted = seen.Sum(f => Wanted(f.Key.Kind).Length);
        var reached = seen.Sum(f => Wanted(f.Key.Kind).Intersect(f.Value).Count());
        Console.WriteLine($"{fields.Count} string fields in {fields.Select(f => f.Operation).Distinct().Count()} operations; " +
            $"{ContractFuzzTests.Requests} requests reach {reached} of {wanted} (field, class) pairs ({100.0 * reached / wanted:0} %), " +
            $"every field with a valid value: {seen.Count(f => f.Value.Contains(ValueClass.Valid))} of {fields.Count}.");
        Assert.IsGreaterThan(0, reached);
    }

    private static ValueClass[] Wanted(FieldKind kind) => [ValueClass.Valid, .. FieldValues.Hostile, .. FieldValues.Boundaries(kind)];

    private static Dictionary<ContractField, HashSet<ValueClass>> Reached(Gen<ContractRequest> requests, IReadOnlyList<ContractField> fields, int count)
    {
        var seen = fields.ToDictionary(f => f, _ => new HashSet<ValueClass>());
        var byOperation = fields.ToLookup(f => f.Operation);
        requests.Sample(request =>
        {
            foreach (var field in byOperation[request.Operation])
            foreach (var classes in ClassesSent(request, field))
                seen[field].UnionWith(classes);
        }, iter: count, threads: 1);
        return seen;
    }

    /// <summary>The classes of every value a request sends in the field: a list's items, a dictionary's values each count.</summary>
    private static IEnumerable<HashSet<ValueClass>> ClassesSent(ContractRequest request, ContractField field)
    {
        if (field.In != "body")
            return request.Parameters.Where(p => p.In == field.In && p.Name == field.Name).Select(p => FieldValues.Classes(field.Kind, p.Value));
        if (request.Raw is not null || request.ContentType is null) return [];
        IEnumerable<JsonNode?> nodes = [request.Json];
        foreach (var step in Steps().Matches(field.Name).Select(m => m.Value))
            nodes = nodes.SelectMany(node => step switch
            {
                "[]" => node as JsonArray ?? [],
                "{}" => (node as JsonObject)?.Select(p => p.Value) ?? [],
                _ => node is JsonObject json && json.TryGetPropertyValue(step, out var value) ? [value] : Array.Empty<JsonNode?>(),
            }).ToList();
        return nodes.Select(node => node switch
        {
            null => [ValueClass.Null],
            JsonValue value when value.TryGetValue<string>(out var text) => FieldValues.Classes(field.Kind, text),
            _ => new HashSet<ValueClass> { ValueClass.WrongType },
        });
    }

    [GeneratedRegex(@"\[\]|\{\}|[^.\[\]{}]+")]
    private static partial Regex Steps();
}
