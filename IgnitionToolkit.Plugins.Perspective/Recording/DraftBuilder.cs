using System.Globalization;
using YamlDotNet.Serialization;

namespace IgnitionToolkit.Plugins.Perspective.Recording;

/// <summary>One step of a recorded draft (its parameters change while typing into the same field goes on).</summary>
public sealed class DraftStep(string id, string name, string type, Dictionary<string, object?> parameters, string? locatorKey)
{
    public string Id { get; } = id;
    public string Name { get; internal set; } = name;
    public string Type { get; } = type;
    public Dictionary<string, object?> Parameters { get; } = parameters;
    internal string? LocatorKey { get; } = locatorKey;
}

/// <summary>
/// Turns recorded actions into the steps of a draft playbook: a click is <c>perspective.click</c>, typing is one
/// <c>perspective.fill</c> per field (consecutive typing into the same field merges), a special key is
/// <c>perspective.keyboard</c>, a navigation is <c>perspective.verify_page</c> of the new path (it follows an action,
/// which replays it).
/// The start URL becomes the <c>gateway_url</c> parameter; a password field refers to the <c>password</c> parameter
/// (its value is never seen), a user name field to <c>username</c> (default: what was typed).
/// </summary>
public sealed class DraftBuilder
{
    private static readonly string[] UserHints = ["user", "login", "email"];
    private readonly List<DraftStep> _steps = [];
    private readonly Uri _start;
    private string _currentUrl;
    private string? _username;

    public DraftBuilder(string startUrl)
    {
        if (!Uri.TryCreate(startUrl, UriKind.Absolute, out var start) || start.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{startUrl}' is not an http(s) URL", nameof(startUrl));
        _start = start;
        _currentUrl = start.AbsoluteUri;
        _steps.Add(new DraftStep("open", "Open the page", "perspective.navigate",
            new() { ["gateway_url"] = "{{ parameter.gateway_url }}", ["url"] = start.PathAndQuery }, null));
    }

    public IReadOnlyList<DraftStep> Steps => _steps;
    public bool HasPassword { get; private set; }
    public bool HasUsername => _username is not null;
    /// <summary>Recorded steps (the opening navigation not counted).</summary>
    public int RecordedCount => _steps.Count - 1;

    /// <summary>Adds what was seen: the new step, or null when it changed the last one (more typing) or adds nothing.</summary>
    public DraftStep? Add(RecordedAction action)
    {
        switch (action.Kind)
        {
            case RecordedAction.Navigate:
                return Navigated(action.Url);
            case RecordedAction.Click when action.Target is { } target:
                var click = LocatorChooser.Choose(target, RecordedAction.Click);
                return New("click", $"Click {click.Description}", "perspective.click", new(click.Parameters), click.Key);
            case RecordedAction.Fill when action.Target is { } field:
                return Filled(field, action);
            case RecordedAction.Press when !string.IsNullOrWhiteSpace(action.Key):
                return New("press", $"Press {action.Key}", "perspective.keyboard", new() { ["key"] = action.Key }, null);
            default:
                return null;
        }
    }

    private DraftStep? Filled(RecordedTarget field, RecordedAction action)
    {
        var locator = LocatorChooser.Choose(field, RecordedAction.Fill);
        string value;
        if (action.Secret)
        {
            HasPassword = true;
            value = "{{ parameter.password }}";
        }
        else if (field.InputType != "password" && UserHints.Any(h => (field.FieldHint ?? "").Contains(h, StringComparison.OrdinalIgnoreCase)))
        {
            _username = action.Value ?? "";
            value = "{{ parameter.username }}";
        }
        else
        {
            value = action.Value ?? "";
        }
        if (_steps[^1] is { Type: "perspective.fill" } last && last.LocatorKey == locator.Key)
        {
            last.Parameters["value"] = value;
            return null;
        }
        var parameters = new Dictionary<string, object?>(locator.Parameters) { ["value"] = value };
        return New("fill", $"Fill {locator.Description}", "perspective.fill", parameters, locator.Key);
    }

    private DraftStep? Navigated(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https")) return null;
        if (string.Equals(Strip(target), Strip(new Uri(_currentUrl)), StringComparison.Ordinal)) return null;
        _currentUrl = target.AbsoluteUri;
        var sameGateway = string.Equals(target.GetLeftPart(UriPartial.Authority), _start.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        // the path only: a query often carries a one-time token (an IdP login) that a replay will not see again
        var expected = sameGateway ? target.AbsolutePath : target.GetLeftPart(UriPartial.Path);
        return New("page", $"Wait for {target.AbsolutePath}", "perspective.verify_page",
            new() { ["expected_url_pattern"] = expected, ["timeout"] = 30 }, null);
    }

    private static string Strip(Uri uri) => uri.GetLeftPart(UriPartial.Query);

    private DraftStep New(string prefix, string name, string type, Dictionary<string, object?> parameters, string? locatorKey)
    {
        var step = new DraftStep($"{prefix}_{_steps.Count.ToString(CultureInfo.InvariantCulture)}", name, type, parameters, locatorKey);
        _steps.Add(step);
        return step;
    }

    /// <summary>The draft playbook's YAML.</summary>
    public string ToYaml(string name, DateTimeOffset recordedAt)
    {
        var parameters = new List<Dictionary<string, object?>>
        {
            new() { ["name"] = "gateway_url", ["type"] = "string", ["required"] = true, ["default"] = _start.GetLeftPart(UriPartial.Authority),
                ["description"] = "Gateway URL the recording was made against" },
        };
        if (_username is not null)
            parameters.Add(new() { ["name"] = "username", ["type"] = "string", ["required"] = true, ["default"] = _username, ["description"] = "User name typed while recording" });
        if (HasPassword)
            parameters.Add(new()
            {
                ["name"] = "password", ["type"] = "string", ["required"] = true,
                ["description"] = "Password (not recorded; give it at run time or as {{ credential.<name>.password }})"
            });
        var playbook = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["version"] = "1.0",
            ["description"] = $"Recorded from {_start.AbsoluteUri} on {recordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (draft: review the steps and add checks).",
            ["parameters"] = parameters,
            ["steps"] = _steps.Select(s => new Dictionary<string, object?>
            {
                ["id"] = s.Id, ["name"] = s.Name, ["type"] = s.Type, ["parameters"] = s.Parameters,
            }).ToList(),
            ["metadata"] = new Dictionary<string, object?> { ["author"] = "recorder", ["tags"] = new[] { "recorded", "draft" } },
        };
        return new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(playbook); // "42" stays text
    }
}
