using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises.Classification;
using Kontaktlofte.AddinApi.Text;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Promises.Classification;

/// <summary>The classifier as the API builds it, for Botkyrka, on the tests' fixed day.</summary>
internal static class Classifying
{
    public static MessageClassifier Create() => new(
        Options.Create(new OrganisationOptions { InternalDomains = ["botkyrka.se"] }),
        new ConfidentialContent(new FixedClock(Tests.Drafts.Reviewing.Now)), new Languages());
}
