namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>The municipality the product serves: the facts its receipts, signatures and rules need.</summary>
public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    public string Name { get; set; } = "Botkyrka kommun";

    /// <summary>The name in Finnish, for receipts in Finnish ("… kunta": the receipt inflects it, "Botkyrkan kuntaan").</summary>
    public string NameFinnish { get; set; } = "Botkyrkan kunta";

    /// <summary>The name in English, for receipts in English.</summary>
    public string NameEnglish { get; set; } = "Botkyrka Municipality";

    public string Switchboard { get; set; } = "08-530 610 00";
    public ContactCentreOptions ContactCentre { get; set; } = new();
    public string PostalAddress { get; set; } = "Botkyrka kommun, 147 85 Tumba";
    public string VisitingAddress { get; set; } = "Munkhättevägen 45, Tumba";
    public string Website { get; set; } = "www.botkyrka.se";

    /// <summary>Mail domains that are internal: the domain itself and every subdomain of it.</summary>
    public List<string> InternalDomains { get; set; } = [];

    /// <summary>
    /// The addresses the municipality's web forms (e-tjänster) send from, the citizen in Reply-To. A mail from one of them
    /// with an outside Reply-To is the citizen's; any other internal sender's stays internal (a newsletter, a system).
    /// </summary>
    public List<string> WebFormSenders { get; set; } = [];

    public bool IsWebFormSender(string? address) =>
        address is not null && WebFormSenders.Any(s => s.Trim().Equals(address.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The municipality's telephone hours, in words, for receipts and automatic replies.</summary>
    public string PhoneHours { get; set; } = "";

    /// <summary>The telephone hours in Finnish, for receipts in Finnish.</summary>
    public string PhoneHoursFinnish { get; set; } = "";

    /// <summary>The telephone hours in English, for receipts in English.</summary>
    public string PhoneHoursEnglish { get; set; } = "";

    public SignatureOptions Signature { get; set; } = new();

    public bool IsInternalAddress(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0) return false;
        var domain = address[(at + 1)..].Trim().TrimEnd('.');
        return InternalDomains.Any(d =>
            domain.Equals(d, StringComparison.OrdinalIgnoreCase) ||
            domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class ContactCentreOptions
{
    public string Phone { get; set; } = "08-530 610 00";
    public string Email { get; set; } = "kontaktcenter@botkyrka.se";
}

/// <summary>
/// The common e-mail signature ("Använd kommunens gemensamma mejlsignatur, utan egna tillägg"):
/// what it must hold, and how its one permitted image, the logo, is recognised.
/// </summary>
public sealed class SignatureOptions
{
    /// <summary>The lines of the common signature, as the official is told to fill them in.</summary>
    public List<string> Template { get; set; } = [];

    /// <summary>Text that the logo's <c>alt</c> or <c>src</c> contains (case-insensitive).</summary>
    public List<string> LogoMarkers { get; set; } = [];
}

public static class OrganisationExtensions
{
    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrganisationOptions>()
            .Bind(builder.Configuration.GetSection(OrganisationOptions.Section))
            .Validate(o => o.InternalDomains.Count > 0 && o.InternalDomains.All(d => d.Trim().Contains('.', StringComparison.Ordinal)),
                "Organisation:InternalDomains måste ange minst en domän, och varje domän som till exempel botkyrka.se.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SignedInOfficial>();
        builder.Services.AddSingleton<DirectoryVisits>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, OfficialAddress>();
        return builder;
    }
}
