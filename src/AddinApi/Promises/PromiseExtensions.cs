using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Promises;

public static class PromiseExtensions
{
    public static WebApplicationBuilder AddPromises(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkingDayOptions>().Bind(builder.Configuration.GetSection(WorkingDayOptions.Section))
            .Validate(o => o.ExtraDaysOff.All(d => !string.IsNullOrWhiteSpace(d.Name) && d.Date is not null),
                "WorkingDays:ExtraDaysOff: varje ledig dag behöver Date (åååå-mm-dd) och Name.")
            .Validate(o => o.ExtraDaysOff.Select(d => d.Date).Distinct().Count() == o.ExtraDaysOff.Count,
                "WorkingDays:ExtraDaysOff: samma dag står två gånger.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new WorkingDayCalendar(services.GetRequiredService<IOptions<WorkingDayOptions>>().Value));
        builder.Services.AddSingleton<DueDates>();
        builder.Services.TryAddSingleton<ConfidentialContent>();
        builder.Services.TryAddSingleton<Languages>();
        builder.Services.AddSingleton<Classification.MessageClassifier>();
        builder.Services.AddScoped<MessageTracker>();
        return builder;
    }
}
