using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>The official's opt-out of the watcher for their own inbox: a checkbox in the pane that the API keeps.</summary>
[TestClass]
public sealed class WatchSettingTests : PaneTest
{
    private const string Official = "handlaggare@sandbox.botkyrka.se";

    private ILocator Watch => Pane.GetByRole(AriaRole.Checkbox, new() { Name = "Bevaka min inkorg" });

    private static async Task<bool> WatchedAsync() => (await GetAsync("/api/me")).GetProperty("watchOwnMailbox").GetBoolean();

    [TestMethod]
    public async Task The_watch_setting_turns_off_and_on_and_the_api_keeps_it_when_the_pane_opens_again()
    {
        try
        {
            var id = await OpenMessageAsync("Bygglov för uterum");
            await Assertions.Expect(Watch).ToBeCheckedAsync();
            await Assertions.Expect(Watch).ToHaveAccessibleDescriptionAsync("Stänger du av bevakningen följs bara de mejl som du öppnar i Kontaktlöfte.");

            await Watch.UncheckAsync();
            await Assertions.Expect(Pane.Locator("#watch-status")).ToHaveTextAsync("Sparat: din inkorg bevakas inte längre.");
            await Assertions.Expect(Watch).ToBeFocusedAsync();
            Assert.IsFalse(await WatchedAsync(), "GET /api/me says the inbox is not watched");

            await Page.Locator($"button.message[data-id='{id}']").ClickAsync(); // the pane opened again
            await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
            await Assertions.Expect(Watch).Not.ToBeCheckedAsync();

            // By keyboard: Space on the focused checkbox, as an official without a mouse turns it back on.
            await Watch.FocusAsync();
            await Page.Keyboard.PressAsync("Space");
            await Assertions.Expect(Pane.Locator("#watch-status")).ToHaveTextAsync("Sparat: din inkorg bevakas.");
            await Assertions.Expect(Watch).ToBeCheckedAsync();
            Assert.IsTrue(await WatchedAsync());
            var serious = await SeriousAxeViolationsAsync("settings");
            Assert.IsEmpty(serious, string.Join('\n', serious));
        }
        finally
        {
            // The sandbox is shared by the whole run: the official's own inbox is watched again for the tests after this.
            using var api = Site.Api();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/watching") { Content = JsonContent.Create(new { watched = true }) };
            request.Headers.Add("X-Sandbox-User", Official);
            await api.SendAsync(request);
        }
    }

    [TestMethod]
    public async Task A_setting_that_was_not_saved_goes_back_and_says_why()
    {
        await Context.RouteAsync("**/api/me/watching", route => route.FulfillAsync(new()
        {
            Status = 503, ContentType = "application/problem+json",
            Body = """{ "title": "Tjänsten är inte tillgänglig", "status": 503, "detail": "Kontaktlöfte är inte tillgängligt just nu. Försök igen om en stund." }""",
        }));
        await OpenMessageAsync("Bygglov för uterum");
        await Assertions.Expect(Watch).ToBeCheckedAsync();

        await Watch.ClickAsync();

        await Assertions.Expect(Pane.Locator("#watch-problem [role=alert]"))
            .ToHaveTextAsync("Inställningen sparades inte: Kontaktlöfte är inte tillgängligt just nu. Försök igen om en stund.");
        await Assertions.Expect(Watch).ToBeCheckedAsync();
        await Assertions.Expect(Watch).ToBeEnabledAsync();
    }
}
