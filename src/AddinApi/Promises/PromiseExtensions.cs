using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kontaktlofte.AddinApi.Promises;

public static class PromiseExtensions
{
    public static WebApplicationBuilder AddPromises(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WorkingDayOptions.Section).Get<WorkingDayOptions>() ?? new();
        builder.Services.AddSingleton(new WorkingDayCalendar(options));
        builder.Services.AddSingleton<DueDates>();
        builder.Services.TryAddSingleton<ConfidentialContent>();
        builder.Services.TryAddSingleton<Languages>();
        builder.Services.AddSingleton<Classification.MessageClassifier>();
        builder.Services.AddScoped<MessageTracker>();
        return builder;
    }
}
