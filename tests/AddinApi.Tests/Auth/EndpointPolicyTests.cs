using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Auth;

[TestClass]
public sealed class EndpointPolicyTests
{
    [TestMethod]
    public void Every_endpoint_names_a_policy_or_is_openly_anonymous()
    {
        using var api = new KontaktlofteFactory();
        _ = api.CreateClient();

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.IsNotEmpty(endpoints);
        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).ToList();
        var unnamed = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null &&
                                           !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.RoutePattern.RawText).ToList();

        Assert.IsEmpty(unnamed, "endpoints without a named policy: " + string.Join(", ", unnamed));
        CollectionAssert.AreEquivalent(new[] { "/healthz", "/healthz/live", "/healthz/ready", "/addin/config.json", "/", "/coverage" }, open,
            "only the health checks, the add-in's sign-in settings, the sandbox page's redirect and the coverage page's HTML are open");
    }

    [TestMethod]
    public async Task Every_protected_endpoint_answers_401_without_a_user_and_403_without_the_role()
    {
        using var api = new KontaktlofteFactory();
        _ = api.CreateClient();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "{[^}]+}", "x"))))
            .ToList();
        Assert.IsGreaterThanOrEqualTo(15, endpoints.Count);

        foreach (var (method, path) in endpoints)
        {
            foreach (var (client, expected) in new[] { (api.CreateClient(), HttpStatusCode.Unauthorized), (api.ClientAs("Annan"), HttpStatusCode.Forbidden) })
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var response = await client.SendAsync(request);
                Assert.AreEqual(expected, response.StatusCode, $"{method} {path}");
            }
        }
    }
}
