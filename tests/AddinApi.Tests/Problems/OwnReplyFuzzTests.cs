using System.Text.Json.Nodes;
using CsCheck;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// The official's own automatic reply (<c>/api/me/automatic-reply</c>) under the contract fuzz, on its own so that its
/// bodies (return date, first day, colleague) get hundreds of tries rather than the general fuzz's few dozen: in the
/// sandbox, and through the Graph adapter against the strict fake Graph. Whatever is sent, the answer is the reply or
/// a Swedish 400; never a 500, never a hang.
/// </summary>
[TestClass]
public sealed class OwnReplyFuzzTests
{
    private const int Requests = 300;

    private static bool IsOwnReply(string operation) => operation.Contains(" /api/me/automatic-reply", StringComparison.Ordinal);

    [TestMethod]
    public async Task No_request_for_the_own_reply_in_the_sandbox_is_answered_with_anything_but_the_reply_or_a_400()
    {
        var errors = new ContractFuzzTests.LoggedErrors();
        using var api = new KontaktlofteFactory(services: s => s.AddSingleton<ILoggerProvider>(errors));

        await FuzzAsync(api.SandboxOfficial(), errors);
    }

    [TestMethod]
    public async Task No_request_for_the_own_reply_through_graph_is_answered_with_anything_but_the_reply_or_a_400()
    {
        await using var graph = await FakeGraph.StartAsync();
        var errors = new ContractFuzzTests.LoggedErrors();
        await using var plain = graph.Api(now: FieldValues.Now);
        using var api = plain.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(errors)));

        await FuzzAsync(api.CreateClient(), errors);

        // Not the PATCH: a body right enough to be set is 1 in 40 of these (they are mostly refused), too rare to count on.
        Assert.IsNotEmpty(graph.Where("GET", "/v1.0/me/mailboxSettings/automaticRepliesSetting"), "the adapter was reached");
    }

    private static async Task FuzzAsync(HttpClient client, ContractFuzzTests.LoggedErrors errors)
    {
        if (!client.DefaultRequestHeaders.Contains(TestAuthHandler.RolesHeader))
            client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, Kontaktlofte.AddinApi.Auth.Roles.Handlaggare);
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var requests = new ContractRequests(document, []);
        Assert.AreEqual(3, requests.OperationNames.Count(IsOwnReply), string.Join(", ", requests.OperationNames));

        await requests.Where(IsOwnReply).SampleAsync(async request =>
        {
            var status = await ContractFuzzTests.AnswersWithoutServerErrorAsync(client, request, errors);
            // A body that is not JSON at all is the media type's 415 (in Swedish too); anything in JSON is the reply or a 400.
            Assert.IsTrue(status is 200 or 400 || (status == 415 && request.ContentType != "application/json"), $"{status} to {request}");
        }, iter: Requests, threads: 1);
    }
}
