using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// "Registrering i Lex" in the pane: a registrar registers mail in a new case and the next in the same case, the API's
/// refusal shown at its field, an official's request through "Att registrera" to a number or a decision, and a reply
/// asked to be registered in its conversation's case. The site is shared by the run: each test has its own series and
/// senders, so that numbers start at 1 and no other test's case is suggested.
/// </summary>
[TestClass]
public sealed class RegistrationTests : PaneTest
{
    private const string Official = "handlaggare@sandbox.botkyrka.se";
    private const string Registrar = "registrator@sandbox.botkyrka.se";

    private static int Year => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

    private static HttpClient As(string user)
    {
        var api = Site.Api();
        api.DefaultRequestHeaders.Add("X-Sandbox-User", user);
        return api;
    }

    /// <summary>A mail of this test's own from a sender of its own, in <paramref name="mailbox"/>.</summary>
    private static async Task<(string Id, string Subject)> PostAsync(string mailbox, string subject, string? sender = null)
    {
        subject = $"{subject} {Guid.NewGuid():N}"[..(subject.Length + 9)];
        using var api = As(mailbox);
        var response = await api.PostAsJsonAsync("/api/sandbox/messages", new
        {
            mailbox, subject, bodyText = "Hej!\n\nSe bifogad ansökan.\n\nMvh Kim",
            from = new { name = "Kim Nyberg", address = sender ?? $"kim.{Guid.NewGuid():N}@example.se" },
        });
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, subject);
    }

    private async Task SignInAsync(string user) => await Page.GetByLabel("Inloggad som").SelectOptionAsync(user);

    /// <summary>The series: a list once the API gives one, else a text field with the codes as suggestions.</summary>
    private static async Task ChooseSeriesAsync(ILocator scope, string code)
    {
        var series = scope.GetByLabel("Diarieserie");
        if (await series.EvaluateAsync<string>("e => e.tagName") == "SELECT") await series.SelectOptionAsync(code);
        else await series.FillAsync(code);
    }

    private async Task<ILocator> QueueItemAsync(string subject)
    {
        var item = Pane.Locator("#registration-queue li.queue-item", new() { HasText = subject });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        return item;
    }

    [TestMethod]
    public async Task A_registrar_registers_a_mail_in_a_new_case_and_the_senders_next_mail_in_the_same_case_by_the_suggestion()
    {
        var sender = $"kim.{Guid.NewGuid():N}@example.se";
        var (first, firstSubject) = await PostAsync(Registrar, "Ansökan om föreningsbidrag", sender);
        var (_, secondSubject) = await PostAsync(Registrar, "Komplettering av ansökan", sender);
        await SignInAsync(Registrar);
        await OpenMessageAsync(firstSubject);

        var form = Pane.Locator("#registration");
        await Assertions.Expect(form.GetByLabel("Rubrik", new() { Exact = true })).ToHaveValueAsync(firstSubject);
        await Assertions.Expect(form.GetByLabel("Inkommande")).ToBeCheckedAsync();
        await Assertions.Expect(form.GetByLabel("Nytt ärende")).ToBeCheckedAsync();
        await ChooseSeriesAsync(form, "KS");
        await form.GetByLabel("Ärendemening", new() { Exact = true }).FillAsync("Föreningsbidrag 2026, Kims förening");
        await form.GetByLabel("Handlingstyp").FillAsync("Ansökan");
        await ScreenshotAsync("registration-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrera mejlet" }).ClickAsync();

        var number = $"KS/{Year}:00001";
        await Assertions.Expect(Pane.Locator("#registration-result")).ToHaveTextAsync($"Registrerat: {number}, handling 1.");
        await Assertions.Expect(Pane.Locator("#registration-result")).ToBeFocusedAsync();
        await Assertions.Expect(Pane.Locator("#registration-case-number")).ToHaveTextAsync(number);
        await Assertions.Expect(Pane.Locator("#registration-state")).ToHaveTextAsync("Registrerad");
        // The mail's category in the list, as Outlook shows it (the page follows the mailbox every few seconds).
        await Assertions.Expect(Page.Locator($"#categories-{first}")).ToContainTextAsync($"Registrerad {number}");

        await OpenMessageAsync(secondSubject);
        var suggestion = Pane.GetByLabel($"{number} – Föreningsbidrag 2026, Kims förening (samma avsändare)");
        await Assertions.Expect(suggestion).ToBeCheckedAsync();
        await Pane.Locator("#registration").GetByLabel("Handlingstyp").FillAsync("Skrivelse");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Registrera mejlet" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#registration-result")).ToHaveTextAsync($"Registrerat: {number}, handling 2.");
    }

    [TestMethod]
    public async Task A_secret_record_without_a_ground_is_refused_at_the_field_in_Swedish_with_focus_there_and_the_form_passes_axe()
    {
        var (_, subject) = await PostAsync(Registrar, "Uppgifter om elevs hälsa");
        await SignInAsync(Registrar);
        await OpenMessageAsync(subject);

        var form = Pane.Locator("#registration");
        await form.GetByLabel("Sekretess", new() { Exact = true }).CheckAsync();
        // OSL 5 kap. 2 §: the subject moves to what is kept apart; the public title is left to the document type.
        await Assertions.Expect(form.GetByLabel("Rubrik som hålls isär")).ToHaveValueAsync(subject);
        await Assertions.Expect(form.GetByLabel("Offentlig rubrik (valfri)")).ToHaveValueAsync("");
        await ChooseSeriesAsync(form, "SOF");
        await form.GetByLabel("Ärendemening", new() { Exact = true }).FillAsync("Elevhälsa");
        await form.GetByLabel("Handlingstyp").FillAsync("Skrivelse");
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrera mejlet" }).ClickAsync();

        var ground = form.GetByLabel("Sekretessgrund");
        await Assertions.Expect(Pane.Locator("#reg-ground-error")).ToHaveTextAsync("En sekretessmarkerad handling ska ha en sekretessgrund, till exempel OSL 26 kap. 1 §.");
        await Assertions.Expect(ground).ToBeFocusedAsync();
        await Assertions.Expect(ground).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(ground).ToHaveAttributeAsync("aria-describedby", new Regex(@"\breg-ground-error\b"));
        await ScreenshotAsync("registration-form-error");

        var violations = await SeriousAxeViolationsAsync("registreringsformuläret");
        Assert.IsEmpty(violations, string.Join("\n", violations));
    }

    [TestMethod]
    public async Task An_officials_request_is_registered_from_the_queue_and_the_official_then_sees_the_number()
    {
        var (id, subject) = await PostAsync(Official, "Ansökan om strandskyddsdispens");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inkorg" }).ClickAsync();
        await OpenMessageAsync(subject);
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Be registratorn registrera" }).ClickAsync();
        await Pane.GetByLabel("Meddelande till registratorn (valfritt)").FillAsync("Nytt ärende, tror jag.");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka begäran" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#registration-result")).ToContainTextAsync("Begäran är skickad");
        await Assertions.Expect(Pane.Locator("#registration-request-state")).ToHaveTextAsync("Väntar på registrator");

        await SignInAsync(Registrar);
        var item = await QueueItemAsync(subject);
        await Assertions.Expect(item.Locator(".requested-by")).ToContainTextAsync("Hanna Lindqvist");
        await Assertions.Expect(item.Locator(".note")).ToHaveTextAsync("Nytt ärende, tror jag.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Heading, new() { Name = $"Registrera: {subject}" })).ToBeFocusedAsync();
        await ChooseSeriesAsync(item, "SBF");
        await item.GetByLabel("Ärendemening", new() { Exact = true }).FillAsync("Strandskyddsdispens vid Tullingesjön");
        await item.GetByLabel("Handlingstyp").FillAsync("Ansökan");
        await item.GetByRole(AriaRole.Button, new() { Name = "Registrera mejlet" }).ClickAsync();

        var number = $"SBF/{Year}:00001";
        await Assertions.Expect(Pane.Locator("#queue-result")).ToHaveTextAsync($"Registrerat: {number}, handling 1 ({subject}).");
        await Assertions.Expect(Pane.Locator("#registration-queue li.queue-item", new() { HasText = subject })).ToHaveCountAsync(0);

        await SignInAsync(Official);
        await OpenMessageAsync(subject);
        await Assertions.Expect(Pane.Locator("#registration-case-number")).ToHaveTextAsync(number);
        await Assertions.Expect(Pane.Locator("#registration-document-number")).ToHaveTextAsync("1");
        await ScreenshotAsync("registration-registered");
        await Assertions.Expect(Page.Locator($"#categories-{id}")).ToContainTextAsync($"Registrerad {number}");
    }

    [TestMethod]
    public async Task A_request_decided_not_to_be_registered_shows_the_official_the_reason_and_the_queue_passes_axe()
    {
        var (id, subject) = await PostAsync(Official, "Tack för trevligt bemötande");
        using (var api = As(Official))
            (await api.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Behöver detta registreras?" })).EnsureSuccessStatusCode();

        await SignInAsync(Registrar);
        var item = await QueueItemAsync(subject);
        var decide = item.GetByRole(AriaRole.Button, new() { Name = "Behöver inte registreras" });
        await decide.ClickAsync();
        await Assertions.Expect(decide).ToHaveAttributeAsync("aria-expanded", "true");
        await item.GetByLabel("Av ringa betydelse för verksamheten").CheckAsync();
        await item.GetByLabel("Anteckning till handläggaren (valfri)").FillAsync("Ett tack, inget ärende.");
        await ScreenshotAsync("registration-queue");
        var violations = await SeriousAxeViolationsAsync("kön Att registrera");
        Assert.IsEmpty(violations, string.Join("\n", violations));
        await item.GetByRole(AriaRole.Button, new() { Name = "Spara beslutet" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#queue-result")).ToContainTextAsync("behöver inte registreras");
        await Assertions.Expect(Pane.Locator("#registration-queue li.queue-item", new() { HasText = subject })).ToHaveCountAsync(0);

        await SignInAsync(Official);
        await OpenMessageAsync(subject);
        var decision = Pane.Locator("#registration-decision");
        await Assertions.Expect(decision).ToContainTextAsync("Behöver inte registreras: Av ringa betydelse för verksamheten (OSL 5 kap. 1 §)");
        await Assertions.Expect(decision).ToContainTextAsync("Ett tack, inget ärende.");
    }

    [TestMethod]
    public async Task A_reply_in_a_registered_case_asks_for_registration_in_the_same_case_and_lands_in_the_queue()
    {
        var (id, subject) = await PostAsync(Official, "Fråga om skolskjuts");
        string number;
        // The mail is in the official's mailbox: the registrar reaches it through the official's request, as in Exchange.
        using (var official = As(Official))
            (await official.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Skolskjuts" })).EnsureSuccessStatusCode();
        using (var registrar = As(Registrar))
        {
            var asked = await registrar.GetFromJsonAsync<JsonElement>("/api/registration-requests");
            var requestId = asked.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("messageId").GetString() == id).GetProperty("id").GetString();
            var registered = await registrar.PostAsJsonAsync($"/api/messages/{id}/registration", new
            {
                direction = "incoming", series = "UBF", caseTitle = "Skolskjuts till Tumba skola", documentType = "Skrivelse", requestId,
            });
            registered.EnsureSuccessStatusCode();
            number = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inkorg" }).ClickAsync();
        await OpenMessageAsync(subject);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Svara" }).ClickAsync();

        await Assertions.Expect(Pane.Locator("#reply-case-heading")).ToHaveTextAsync($"Svaret hör till ärende {number} – Skolskjuts till Tumba skola");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Registrera svaret i samma ärende" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#reply-case-status")).ToHaveTextAsync($"Begäran skickad: registratorn registrerar svaret i ärende {number}.");
        await ScreenshotAsync("registration-reply");

        using var api = As(Registrar);
        var queue = (await api.GetFromJsonAsync<JsonElement>("/api/registration-requests")).GetProperty("items").EnumerateArray().ToList();
        var request = queue.Single(q => q.GetProperty("caseNumber").GetString() == number);
        Assert.AreEqual("Svar i samma ärende", request.GetProperty("note").GetString());
        Assert.StartsWith("sent-", request.GetProperty("messageId").GetString()!, "the saved reply draft, not the citizen's mail");
    }
}
