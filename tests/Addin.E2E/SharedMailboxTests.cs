using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// A message in a function mailbox (funktionsbrevlåda): the pane says whose mailbox it is, and every call about the
/// message names that mailbox (<c>?mailbox=</c>), from <c>getSharedPropertiesAsync</c> as the sandbox's Office stub
/// gives it. Hosts without the API (Mailbox 1.8), or that refuse it, fall back to the official's own mailbox.
/// </summary>
[TestClass]
public sealed class SharedMailboxTests : PaneTest
{
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";
    private const string BygglovMail = "Marklov för att fälla träd";

    /// <summary>The pane's calls about one message (the page opens with another one selected).</summary>
    private List<string> CallsAbout(string id) =>
        Requested.Where(u => u.Contains($"/api/messages/{Uri.EscapeDataString(id)}/", StringComparison.Ordinal)).ToList();

    private async Task<string> OpenInBygglovAsync()
    {
        await Page.GetByLabel("Brevlåda").SelectOptionAsync(Bygglov);
        await Assertions.Expect(Page.Locator("button.message", new() { HasText = BygglovMail })).ToBeVisibleAsync();
        return await OpenMessageAsync(BygglovMail);
    }

    [TestMethod]
    public async Task A_message_in_a_function_mailbox_names_it_in_the_pane_and_on_every_call_about_the_message()
    {
        var id = await OpenInBygglovAsync();
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();

        await Assertions.Expect(Pane.Locator("#mailbox")).ToHaveTextAsync($"Funktionsbrevlåda: {Bygglov}");
        var calls = CallsAbout(id);
        Assert.IsTrue(calls.Any(u => u.Contains("/promise?", StringComparison.Ordinal)), "the promise was asked for");
        Assert.IsTrue(calls.Any(u => u.Contains("/acknowledgements?", StringComparison.Ordinal)), "what was sent was asked for");
        // Only the message's mailbox, encoded: the @ as %40, and no second parameter.
        foreach (var url in calls) StringAssert.EndsWith(url, "?mailbox=bygglov%40sandbox.botkyrka.se", url);
        await ScreenshotAsync("function-mailbox");
    }

    [TestMethod]
    public async Task A_message_in_the_own_mailbox_names_no_mailbox()
    {
        var id = await OpenMessageAsync("Bygglov för uterum");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();

        await Assertions.Expect(Pane.Locator("#mailbox")).ToHaveCountAsync(0);
        var calls = CallsAbout(id);
        Assert.IsNotEmpty(calls);
        Assert.IsFalse(calls.Any(u => u.Contains("mailbox=", StringComparison.Ordinal)), string.Join('\n', calls));
    }

    [TestMethod]
    [DataRow("without Mailbox 1.8", DisplayName = "A host without Mailbox 1.8")]
    [DataRow("refusing", DisplayName = "A host that refuses getSharedPropertiesAsync")]
    public async Task A_host_without_shared_properties_falls_back_to_the_own_mailbox(string host)
    {
        // The task pane takes its Office from the sandbox page each time it opens: this page's stub is changed here.
        await Page.EvaluateAsync("""
            host => {
              const sandbox = window.kontaktlofteSandbox, office = sandbox.office;
              sandbox.office = () => {
                const o = office();
                if (host === "refusing") {
                  const item = Object.getOwnPropertyDescriptor(o.context.mailbox, "item").get;
                  Object.defineProperty(o.context.mailbox, "item", { get() {
                    const i = item();
                    if (i && i.getSharedPropertiesAsync)
                      i.getSharedPropertiesAsync = done => done({ status: "failed", value: undefined, error: { message: "Åtkomst nekad" } });
                    return i;
                  } });
                } else {
                  o.context.requirements.isSetSupported = (name, version) => !(name === "Mailbox" && Number(String(version).split(".")[1]) >= 8);
                }
                return o;
              };
            }
            """, host);

        var id = await OpenInBygglovAsync();

        // The pane goes on as it did before shared mailboxes: it asks about the message in the own mailbox, and shows
        // the API's answer, the promise or why there is none (the message is not in the own mailbox), never a hang.
        await Assertions.Expect(Pane.Locator("#standing, #app > [role=alert]").First).ToBeVisibleAsync();
        await Assertions.Expect(Pane.Locator("#mailbox")).ToHaveCountAsync(0);
        var calls = CallsAbout(id);
        Assert.IsNotEmpty(calls);
        Assert.IsFalse(calls.Any(u => u.Contains("mailbox=", StringComparison.Ordinal)), string.Join('\n', calls));
    }
}
