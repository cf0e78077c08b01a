using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kontaktlofte.AddinApi.Problems;

/// <summary>
/// Refuses <c>null</c> inside a list, or as a dictionary value, where the type says it cannot be there
/// (<c>IReadOnlyList&lt;MailAddress&gt;</c>, not <c>IReadOnlyList&lt;MailAddress?&gt;</c>), for every request body at
/// once. System.Text.Json honours nullable annotations on properties at most, never on elements, so
/// <c>"cc": [null]</c> reached the review as a null recipient and ended in a 500.
/// </summary>
internal static class NullElements
{
    public static void Refuse(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Check);

    /// <summary>Checks each object, once read, for null in the lists and dictionaries that may not hold it.</summary>
    private static void Check(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var checkedProperties = type.Properties.Where(p => p.Get is not null && MayNotHoldNull(p)).ToList();
        if (checkedProperties.Count == 0) return;
        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            before?.Invoke(value);
            foreach (var property in checkedProperties)
                if (HoldsNull(property.Get!(value)))
                    throw new NullElementException(property.Name);
        };
    }

    private static bool HoldsNull(object? values) => values switch
    {
        IDictionary dictionary => dictionary.Values.Cast<object?>().Any(v => v is null),
        IEnumerable list and not string => list.Cast<object?>().Any(v => v is null),
        _ => false,
    };

    /// <summary>True for a list or dictionary property whose elements (or values) are not declared nullable.</summary>
    private static bool MayNotHoldNull(JsonPropertyInfo property)
    {
        if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)) return false;
        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var element = nullability switch
        {
            { ElementType: { } arrayElement } => arrayElement,
            { GenericTypeArguments: [var listElement] } => listElement,
            { GenericTypeArguments: [_, var dictionaryValue] } => dictionaryValue,
            _ => null,
        };
        return element is { ReadState: NullabilityState.NotNull } && !element.Type.IsValueType;
    }
}

/// <summary>A list or dictionary in a request holds null where it may not; answered as a Swedish 400.</summary>
public sealed class NullElementException : JsonException
{
    public NullElementException() { }
    public NullElementException(string field) : base($"Fältet {field} får inte innehålla null. Ta bort tomma element ur listan.") { }
    public NullElementException(string message, Exception inner) : base(message, inner) { }
}
