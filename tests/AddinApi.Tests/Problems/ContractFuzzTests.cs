using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// Requests generated from the API's own OpenAPI document, for every operation in it, signed in with every role:
/// whatever a client sends, the answer is never a 5xx, and a refusal is a problem details answer in Swedish.
/// A failure names the request (shrunk by CsCheck), the seed to repeat it, and the exception the API logged.
/// </summary>
[TestClass]
public sealed class ContractFuzzTests
{
    /// <summary>Bounded, so that the property costs some seconds of the suite (about 40 requests per operation).</summary>
    public const int Requests = 1_000;

    /// <summary>The framework's own English titles: an answer with one of them has bypassed ProblemAnswers.</summary>
    private static readonly HashSet<string> EnglishTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Conflict", "Payload Too Large",
        "Content Too Large", "Unsupported Media Type", "Unprocessable Entity", "Unprocessable Content", "Too Many Requests",
        "An error occurred while processing your request.", "One or more validation errors occurred.",
    ];

    [TestMethod]
    public async Task No_request_for_any_operation_in_the_contract_is_answered_with_a_server_error()
    {
        var errors = new LoggedErrors();
        using var api = new KontaktlofteFactory(services: s => s.AddSingleton<ILoggerProvider>(errors));
        using var client = api.ClientAs(Roles.Handlaggare, Roles.Registrator, Roles.Enhetschef);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "handlaggare@sandbox.botkyrka.se");
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var requests = new ContractRequests(document, await KnownIdsAsync(client));
        Assert.IsTrue(requests.OperationNames.Count() >= 10, string.Join(", ", requests.OperationNames));

        await requests.Any.SampleAsync(request => AnswersWithoutServerErrorAsync(client, request, errors), iter: Requests, threads: 1);
    }

    /// <summary>
    /// The request sent, and its answer checked: no 5xx, a refusal in Swedish, and an answer within <see cref="Patience"/>:
    /// a hang fails the property with the request named, instead of holding up the suite.
    /// </summary>
    public static async Task<int> AnswersWithoutServerErrorAsync(HttpClient client, ContractRequest request, LoggedErrors errors,
        TimeSpan? patience = null)
    {
        var wait = patience ?? Patience;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = request.ContentType is null ? null : new MediaTypeHeaderValue(request.ContentType);
        }
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        using var timeout = new CancellationTokenSource(wait);

        int status;
        string text;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, timeout.Token);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new AssertFailedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No answer within {wait.TotalSeconds} s to {request.Operation}: {request}"));
        }

        using (response)
        {
            Assert.IsTrue(status < 500, $"{status}, the API logged: {errors.Last}");
            if (status >= 400) AssertSwedishProblem(status, response, text);
        }
        return status;
    }

    /// <summary>Far more than any answer takes here (milliseconds), far less than a hung suite.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TestMethod]
    public async Task A_request_that_hangs_fails_the_property_naming_the_request_instead_of_holding_up_the_suite()
    {
        using var client = new HttpClient(new Hanging()) { BaseAddress = new Uri("http://localhost") };
        var request = new ContractRequest("GET /api/deadlines", "GET", "/api/deadlines?today=9999-12-31", null, null, null,
            new Dictionary<string, string>(), [new ParameterValue("query", "today", "9999-12-31")]);
        var started = TimeProvider.System.GetTimestamp();

        var failure = await Assert.ThrowsExactlyAsync<AssertFailedException>(() =>
            AnswersWithoutServerErrorAsync(client, request, new LoggedErrors(), TimeSpan.FromMilliseconds(200)));

        StringAssert.Contains(failure.Message, "No answer within 0.2 s to GET /api/deadlines: GET /api/deadlines?today=9999-12-31");
        Assert.IsLessThan(TimeSpan.FromSeconds(5), TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>A server that never answers (until the client gives up).</summary>
    private sealed class Hanging : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private static void AssertSwedishProblem(int status, HttpResponseMessage response, string text)
    {
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, $"{status}: {text}");
        using var problem = JsonDocument.Parse(text);
        var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        Assert.IsFalse(title is null || EnglishTitles.Contains(title), $"{status} without a Swedish title: {text}");
    }

    /// <summary>Ids of the seeded sandbox messages and conversations, so that paths reach real messages too.</summary>
    public static async Task<List<string>> KnownIdsAsync(HttpClient client)
    {
        var ids = new List<string>();
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject json:
                    foreach (var (name, value) in json)
                        if (name is "id" or "conversationId" && value is JsonValue v && v.TryGetValue<string>(out var id)) ids.Add(id);
                        else Collect(value);
                    break;
                case JsonArray array:
                    foreach (var item in array) Collect(item);
                    break;
            }
        }
        Collect(JsonNode.Parse(await client.GetStringAsync("/api/sandbox/messages")));
        return ids.Distinct().ToList();
    }

    /// <summary>The last exception the API logged, to say why a request ended in a 5xx.</summary>
    public sealed class LoggedErrors : ILoggerProvider, ILogger
    {
        public string Last { get; private set; } = "nothing";

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null) Last = exception.ToString();
        }

        public void Dispose() { }
    }
}
