using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// The official's own automatic reply in the pane: Rasmus Ekström's is on, names nobody and never ends (the sandbox's
/// seed). He sees what is wrong, opens the template by keyboard, is told at the field when the day back has passed,
/// chooses a colleague, previews and sets it in one click, and the notice turns into a confirmation.
/// </summary>
[TestClass]
public sealed class OwnReplyTests : PaneTest
{
    private const string Rasmus = "registrator@sandbox.botkyrka.se";

    private static HttpClient As(string user)
    {
        var api = Site.Api();
        api.DefaultRequestHeaders.Add("X-Sandbox-User", user);
        return api;
    }

    [TestMethod]
    public async Task The_official_sees_what_is_wrong_previews_the_template_and_sets_it_in_one_click()
    {
        var subject = $"Fråga om parkeringstillstånd {Guid.NewGuid():N}"[..36];
        using (var api = As(Rasmus))
            (await api.PostAsJsonAsync("/api/sandbox/messages", new
            {
                mailbox = Rasmus, subject, bodyText = "Hej!\n\nHur söker jag parkeringstillstånd?\n\nMvh Alva",
                from = new { name = "Alva Berg", address = $"alva.{Guid.NewGuid():N}@example.se" },
            })).EnsureSuccessStatusCode();
        await Page.GetByLabel("Inloggad som").SelectOptionAsync(Rasmus);
        await OpenMessageAsync(subject);

        var notice = Pane.Locator("#own-reply");
        await Assertions.Expect(notice.Locator("[role=status] h2")).ToHaveTextAsync("Ditt frånvaromeddelande behöver rättas");
        await Assertions.Expect(Pane.Locator("#own-reply-problems li")).ToHaveTextAsync(
            [new Regex("inget slutdatum"), new Regex("hänvisar inte till Kontaktcenter")]);
        var serious = await SeriousAxeViolationsAsync("own reply notice");

        // Keyboard: back from the category to the notice's button, and Enter opens the form with focus on its heading.
        await Pane.Locator("#category").FocusAsync();
        var open = Pane.Locator("#own-reply-open");
        var reached = false;
        for (var i = 0; i < 15 && !reached; i++)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
            reached = await open.EvaluateAsync<bool>("b => document.activeElement === b");
        }
        Assert.IsTrue(reached, "Shift+Tab reaches the notice's button");
        await Page.Keyboard.PressAsync("Enter");
        var form = Pane.Locator("#own-reply-form");
        await Assertions.Expect(form.Locator("h3")).ToBeFocusedAsync();

        // A day back that has passed: the API's Swedish refusal at the field, which takes focus.
        var back = form.GetByLabel("Jag är tillbaka");
        var suggested = await back.InputValueAsync();
        StringAssert.Matches(suggested, new Regex(@"^\d{4}-\d{2}-\d{2}$"), "the API's next working day");
        await back.FillAsync("2020-01-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#own-reply-return-error")).ToContainTextAsync("Återkomstdagen");
        await Assertions.Expect(back).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(back).ToBeFocusedAsync();
        serious.AddRange(await SeriousAxeViolationsAsync("own reply form with an error"));

        await back.FillAsync(suggested);
        await form.GetByLabel("Hänvisa till en kollega (valfritt)").FillAsync("Sofia");
        await form.GetByRole(AriaRole.Button, new() { Name = "Sofia Ahmed, Bygglovshandläggare" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#own-reply-cover-chosen")).ToContainTextAsync("Hänvisar till Sofia Ahmed");
        await form.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        var preview = Pane.Locator("#own-reply-preview iframe");
        await Assertions.Expect(preview).ToHaveAttributeAsync("srcdoc", new Regex("Kontakta min kollega Sofia Ahmed"));
        await Assertions.Expect(preview).ToHaveAttributeAsync("srcdoc", new Regex("Kontaktcenter på 08-530 610 00"));
        await Assertions.Expect(back).Not.ToHaveAttributeAsync("aria-invalid", "true");
        serious.AddRange(await SeriousAxeViolationsAsync("own reply preview"));
        await ScreenshotAsync("own-reply");

        await form.GetByRole(AriaRole.Button, new() { Name = "Använd frånvaromeddelandet" }).ClickAsync();

        var done = Pane.Locator("#own-reply-done");
        await Assertions.Expect(done).ToHaveTextAsync("Frånvaromeddelandet är på");
        await Assertions.Expect(done).ToBeFocusedAsync();
        await Assertions.Expect(Pane.Locator("#own-reply-problems")).ToHaveCountAsync(0);
        using var rasmus = As(Rasmus);
        var reply = await rasmus.GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");
        Assert.AreEqual("scheduled", reply.GetProperty("status").GetString());
        Assert.AreEqual(0, reply.GetProperty("problems").GetArrayLength());
        serious.AddRange(await SeriousAxeViolationsAsync("own reply confirmation"));
        Assert.IsEmpty(serious, string.Join('\n', serious));
    }

    [TestMethod]
    public async Task An_official_whose_reply_is_off_sees_no_notice()
    {
        // Hanna Lindqvist's reply is off: once the API has answered, the section stays hidden.
        var checkedReply = Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/me/automatic-reply", StringComparison.Ordinal));
        await OpenMessageAsync("Bygglov för uterum");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
        Assert.IsTrue((await checkedReply).Ok);

        await Assertions.Expect(Pane.Locator("#own-reply")).ToBeHiddenAsync();
        await Assertions.Expect(Pane.Locator("#own-reply-open")).ToHaveCountAsync(0);
    }
}
