using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgnitionToolkit.Plugins.Perspective.Recording;

/// <summary>What the recorder's script (<c>recorder.js</c>) saw of the element acted on: the facts a locator is chosen
/// from (<see cref="LocatorChooser"/>). Counts say how many elements of the page the same fact matches (1: unique).</summary>
public sealed record RecordedTarget
{
    /// <summary><c>data-component-path</c> of the element or its nearest ancestor with one (a Perspective component).</summary>
    public string? ComponentPath { get; init; }
    public int ComponentPathCount { get; init; }
    /// <summary><c>data-component</c> of that component (e.g. <c>ia.input.button</c>).</summary>
    public string? Component { get; init; }
    /// <summary>The element is the component's own element (not something inside it).</summary>
    public bool IsComponent { get; init; }
    /// <summary>Tag of the element inside the component, and how many elements of that tag the component holds.</summary>
    public string? InnerTag { get; init; }
    public int InnerTagCount { get; init; }
    /// <summary>ARIA role (explicit or implied by the tag) and accessible name (aria-label, label, text, placeholder).</summary>
    public string? Role { get; init; }
    public string? Name { get; init; }
    public int RoleCount { get; init; }
    /// <summary>The element's visible text (80 characters at most).</summary>
    public string? Text { get; init; }
    public int TextCount { get; init; }
    /// <summary>A CSS selector that finds it (an id, else the path of tags from the body): the last resort.</summary>
    public string? Css { get; init; }
    public bool Editable { get; init; }
    public string? InputType { get; init; }
    /// <summary>autocomplete, name, id and accessible name joined: tells a user name field apart.</summary>
    public string? FieldHint { get; init; }
}

/// <summary>One action seen while recording: <c>click</c>, <c>fill</c> (<see cref="Value"/>, absent when
/// <see cref="Secret"/>), <c>press</c> (<see cref="Key"/>) or <c>navigate</c> (<see cref="Url"/>, seen by the page's
/// main frame).</summary>
public sealed record RecordedAction
{
    public const string Click = "click";
    public const string Fill = "fill";
    public const string Press = "press";
    public const string Navigate = "navigate";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public required string Kind { get; init; }
    public RecordedTarget? Target { get; init; }
    /// <summary>The typed value of a fill; never set for a password field.</summary>
    public string? Value { get; init; }
    /// <summary>A fill of a password field: the draft refers to a parameter instead of the value.</summary>
    public bool Secret { get; init; }
    public string? Key { get; init; }
    public string? Url { get; init; }

    /// <summary>Reads what the script sent; null when it is not a recognisable action.</summary>
    public static RecordedAction? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var action = JsonSerializer.Deserialize<RecordedAction>(json, Json);
            return action is { Kind: Click or Fill or Press } ? action : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
