using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// A JSON tree written as text the way a careless client may write it: an unpaired surrogate as its <c>\uD800</c> escape.
/// System.Text.Json would write U+FFFD instead, so that the API never saw one.
/// </summary>
public static class JsonText
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject json:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in json)
                {
                    if (!first) text.Append(',');
                    first = false;
                    String(text, name);
                    text.Append(':');
                    Write(text, value);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(text, array[i]);
                }
                text.Append(']');
                break;
            case JsonValue value when value.TryGetValue<string>(out var s):
                String(text, s);
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void String(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
            if (c is '"' or '\\') text.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c)) text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else text.Append(c);
        text.Append('"');
    }
}
