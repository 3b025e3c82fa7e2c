using System.Text.Json;
using System.Text.Json.Nodes;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>
/// The JSON bodies a webhook can receive. <c>generic</c>: the toolkit's own envelope (kind, title, text, links, facts,
/// scope and the kind's payload as <c>data</c>). <c>teams</c>: a message with one Adaptive Card, as a Microsoft Teams
/// incoming webhook (Workflows) takes it. <c>slack</c>: <c>text</c> (the fallback) and Block Kit <c>blocks</c>, as a
/// Slack incoming webhook takes it.
/// </summary>
public static class PayloadPresets
{
    public const string Generic = "generic";
    public const string Teams = "teams";
    public const string Slack = "slack";
    public static readonly IReadOnlyList<string> All = [Generic, Teams, Slack];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Render(string preset, NotificationEvent n, Guid deliveryId) => preset switch
    {
        Teams => RenderTeams(n).ToJsonString(),
        Slack => RenderSlack(n).ToJsonString(),
        _ => RenderGeneric(n, deliveryId).ToJsonString(),
    };

    public static JsonObject RenderGeneric(NotificationEvent n, Guid deliveryId) => new()
    {
        ["id"] = deliveryId.ToString("D"),
        ["kind"] = n.Kind,
        ["occurred_at"] = n.OccurredAt.ToUniversalTime().ToString("O"),
        ["title"] = n.Title,
        ["text"] = n.Text,
        ["scope"] = new JsonObject
        {
            ["playbook"] = n.Scope.PlaybookPath, ["domain"] = n.Scope.Domain, ["group"] = n.Scope.Group,
            ["tags"] = new JsonArray(n.Scope.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        ["facts"] = new JsonObject(n.Facts.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)JsonValue.Create(f.Value)))),
        ["links"] = new JsonObject(n.Links.Select(l => KeyValuePair.Create(l.Rel, (JsonNode?)JsonValue.Create(l.Url)))),
        ["data"] = JsonSerializer.SerializeToNode(n.Payload, n.Payload.GetType(), Json),
    };

    public static JsonObject RenderTeams(NotificationEvent n)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = n.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = n.Text, ["wrap"] = true },
        };
        if (n.Facts.Count > 0)
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(n.Facts.Select(f => (JsonNode?)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }).ToArray()),
            });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray(n.Links.Select(l => (JsonNode?)new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = l.Label, ["url"] = l.Url }).ToArray()),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = n.Title,
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        };
    }

    public static JsonObject RenderSlack(NotificationEvent n)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Truncate(n.Title, 150)) },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackEscape(n.Text) } },
        };
        if (n.Facts.Count > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(n.Facts.Take(10).Select(f => (JsonNode?)new JsonObject
                {
                    ["type"] = "mrkdwn", ["text"] = $"*{SlackEscape(f.Name)}*\n{SlackEscape(f.Value)}",
                }).ToArray()),
            });
        if (n.Links.Count > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(n.Links.Select(l => (JsonNode?)new JsonObject
                {
                    ["type"] = "button", ["text"] = PlainText(l.Label), ["url"] = l.Url,
                }).ToArray()),
            });
        var fallback = n.Links.FirstOrDefault() is { } link ? $"{SlackEscape(n.Title)}: {SlackEscape(n.Text)} <{link.Url}|{SlackEscape(link.Label)}>" : $"{SlackEscape(n.Title)}: {SlackEscape(n.Text)}";
        return new JsonObject { ["text"] = fallback, ["blocks"] = blocks };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    /// <summary>Slack's three control characters in mrkdwn text.</summary>
    public static string SlackEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
