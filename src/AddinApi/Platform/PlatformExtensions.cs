using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Kontaktlofte.AddinApi.Platform;

/// <summary>What every feature takes for granted, set once here: the clock and the API's JSON shape.</summary>
public static class PlatformExtensions
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        // One clock for every rule (tests put a fixed one in its place): "today" is always asked of it.
        builder.Services.AddSingleton(TimeProvider.System);

        // camelCase properties (the web default) and enum values in kebab case: "fault-report", "block".
        var enums = new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(enums);
            // Swedish letters as themselves (å, not \u00e5); HTML-sensitive characters stay escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        // Swashbuckle reads the MVC options to describe enums as they are written.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(enums));
        return builder;
    }
}
