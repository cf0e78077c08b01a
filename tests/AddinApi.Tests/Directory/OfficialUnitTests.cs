using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Directory;

/// <summary>
/// An official's unit comes from the directory's department at their first sign-in: the promise report counts per unit,
/// and in production nothing else would fill it in.
/// </summary>
[TestClass]
public sealed class OfficialUnitTests
{
    private static async Task<Official> OfficialAsync(KontaktlofteFactory api, string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Officials.AsNoTracking().Include(o => o.Unit).SingleAsync(o => o.Email == email);
    }

    [TestMethod]
    public async Task A_first_sign_in_puts_the_official_in_the_unit_of_their_department_made_once()
    {
        await using var api = new KontaktlofteFactory();
        await api.SandboxOfficial("johan.virtanen@sandbox.botkyrka.se").GetFromJsonAsync<object>("/api/me");
        await api.SandboxOfficial("mats.lindgren@sandbox.botkyrka.se").GetFromJsonAsync<object>("/api/me");

        var per = await OfficialAsync(api, "johan.virtanen@sandbox.botkyrka.se");
        var sofia = await OfficialAsync(api, "mats.lindgren@sandbox.botkyrka.se");

        Assert.AreEqual("Gatuenheten", per.Unit!.Name);
        Assert.AreEqual(per.UnitId, sofia.UnitId, "one unit for one department");
    }

    /// <summary>A directory whose department the test changes, counting how often it is asked; a clock the test moves.</summary>
    private sealed class MovingDirectory : IDirectory
    {
        public string Department { get; set; } = "";
        public bool Away { get; set; }
        public int Asked { get; private set; }

        public Task<Person?> MeAsync(ClaimsPrincipal user, CancellationToken cancel)
        {
            Asked++;
            if (Away) throw new HttpRequestException("Graph svarar inte.");
            return Task.FromResult<Person?>(new Person("Ulla Unit", "Handläggare", "08-530 600 00", Ulla, Department));
        }

        public Task<IReadOnlyList<Person>> SearchAsync(ClaimsPrincipal user, string text, int max, CancellationToken cancel) => Task.FromResult<IReadOnlyList<Person>>([]);
        public Task<IReadOnlyList<Person>> DirectReportsAsync(ClaimsPrincipal user, CancellationToken cancel) => Task.FromResult<IReadOnlyList<Person>>([]);
        public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesAsync(ClaimsPrincipal user, IReadOnlyList<string> addresses, CancellationToken cancel) =>
            Task.FromResult<IReadOnlyList<AutomaticReply>>([]);
        public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesInBackgroundAsync(string? sessionKey, IReadOnlyList<string> addresses,
            CancellationToken cancel) => Task.FromResult<IReadOnlyList<AutomaticReply>>([]);
    }

    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
        public override long GetTimestamp() => 0;
    }

    private const string Ulla = "ulla.unit@botkyrka.se";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1));

    private static KontaktlofteFactory Api(MovingDirectory directory, MovingClock clock) => new(services: s =>
    {
        s.AddSingleton<IDirectory>(directory);
        s.AddSingleton<TimeProvider>(clock);
    });

    /// <summary>Ulla as she was stored before units were read: no unit.</summary>
    private static async Task StoredWithoutUnitAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        db.Officials.Add(new Official { Email = Ulla, Name = "Ulla Unit", Title = "Handläggare" });
        await db.SaveChangesAsync();
    }

    private static async Task SignInAsync(KontaktlofteFactory api) =>
        Assert.AreEqual(HttpStatusCode.OK, (await api.SandboxOfficial(Ulla).GetAsync("/api/me")).StatusCode);

    [TestMethod]
    public async Task An_official_stored_without_a_unit_gets_the_directorys_department_at_the_next_sign_in()
    {
        var directory = new MovingDirectory { Department = "Bygglovsenheten" };
        await using var api = Api(directory, new MovingClock(Monday));
        await StoredWithoutUnitAsync(api);

        await SignInAsync(api);

        Assert.AreEqual("Bygglovsenheten", (await OfficialAsync(api, Ulla)).Unit?.Name);
        await SignInAsync(api);
        Assert.AreEqual(1, directory.Asked, "the same day the directory is not asked again");
    }

    [TestMethod]
    public async Task An_official_whose_directory_has_no_department_keeps_no_unit_and_a_stored_unit_is_not_dropped()
    {
        var directory = new MovingDirectory { Department = "  " };
        var clock = new MovingClock(Monday);
        await using var api = Api(directory, clock);
        await StoredWithoutUnitAsync(api);

        await SignInAsync(api);
        Assert.IsNull((await OfficialAsync(api, Ulla)).UnitId);

        directory.Department = "Gatuenheten";
        clock.Now = Monday.AddDays(1);
        await SignInAsync(api);
        directory.Department = "";
        clock.Now = Monday.AddDays(2);
        await SignInAsync(api);

        Assert.AreEqual("Gatuenheten", (await OfficialAsync(api, Ulla)).Unit?.Name, "an empty department is a gap in the directory, not a move");
        Assert.AreEqual(3, directory.Asked);
    }

    [TestMethod]
    public async Task A_move_to_another_department_follows_a_day_later_not_sooner()
    {
        var directory = new MovingDirectory { Department = "Bygglovsenheten" };
        var clock = new MovingClock(Monday);
        await using var api = Api(directory, clock);
        await SignInAsync(api); // the first sign-in: Bygglovsenheten

        directory.Department = "Gatuenheten";
        clock.Now = Monday.AddDays(1).AddSeconds(-1);
        await SignInAsync(api);
        Assert.AreEqual("Bygglovsenheten", (await OfficialAsync(api, Ulla)).Unit?.Name, "looked at less than a day ago");

        clock.Now = Monday.AddDays(1);
        await SignInAsync(api);
        var moved = await OfficialAsync(api, Ulla);
        Assert.AreEqual("Gatuenheten", moved.Unit?.Name);
        Assert.AreEqual("Ulla Unit", moved.Name);
        Assert.AreEqual(2, directory.Asked);
    }

    [TestMethod]
    public async Task A_directory_away_leaves_the_unit_and_the_sign_in_works_and_is_asked_again_after_ten_minutes()
    {
        var directory = new MovingDirectory { Department = "Bygglovsenheten", Away = true };
        var clock = new MovingClock(Monday);
        await using var api = Api(directory, clock);
        await StoredWithoutUnitAsync(api);

        await SignInAsync(api);
        clock.Now = Monday.AddMinutes(9);
        await SignInAsync(api);
        Assert.AreEqual(1, directory.Asked, "not on every request while Graph is away");
        Assert.IsNull((await OfficialAsync(api, Ulla)).UnitId);

        directory.Away = false;
        clock.Now = Monday.AddMinutes(10);
        await SignInAsync(api);
        Assert.AreEqual("Bygglovsenheten", (await OfficialAsync(api, Ulla)).Unit?.Name);
    }
}
