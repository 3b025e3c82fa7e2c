using IgnitionToolkit.Api.Tests.Infrastructure;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Persistence.Entities;

namespace IgnitionToolkit.Api.Tests.Notifications;

/// <summary>What a receiver gets: the signature it can check, and bodies Teams and Slack accept.</summary>
[Trait("Category", "Unit")]
public sealed class NotificationFormatTests
{
    private static readonly Guid ExecutionId = Guid.Parse("5b7b1c1e-2d7e-4c59-9c1b-2f6f0a0e9a11");

    private static NotificationEvent Failed(Uri? web = null)
    {
        var execution = new ExecutionRecord
        {
            Id = ExecutionId, PlaybookPath = "gateway/backup.yaml", PlaybookName = "Nightly <backup> & restart",
            ParametersJson = "{}", CreatedAt = DateTimeOffset.Parse("2026-12-01T02:00:00Z"), StartedAt = DateTimeOffset.Parse("2026-12-01T02:00:01Z"),
            FinishedAt = DateTimeOffset.Parse("2026-12-01T02:01:31Z"), Error = "gateway answered 500", StartedBy = "alice", StepCount = 3,
        }.InStatus("failed");
        return ExecutionNotificationWorker.Build(execution, "failed", new NotificationScope("gateway/backup.yaml", "gateway", "nightly", ["ops"]),
            1, 1, "Take backup", web ?? new Uri("https://toolkit.example.com/"));
    }

    [Fact]
    public void The_signature_is_the_github_style_hmac_sha256_of_the_raw_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"kind":"execution.failed"}""");
        var header = WebhookSignature.Compute("s3cret", body);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8.ToArray(), body)), header);
        Assert.True(WebhookSignature.Verify("s3cret", body, header));
        Assert.False(WebhookSignature.Verify("other", body, header));
        Assert.False(WebhookSignature.Verify("s3cret", Encoding.UTF8.GetBytes("""{"kind":"execution.completed"}"""), header));
        Assert.False(WebhookSignature.Verify("s3cret", body, null));
    }

    [Fact]
    public void The_generic_body_carries_kind_summary_links_and_the_typed_payload()
    {
        var delivery = Guid.NewGuid();
        var body = JsonNode.Parse(PayloadPresets.Render(PayloadPresets.Generic, Failed(), delivery))!;
        Assert.Equal(delivery.ToString("D"), body["id"]!.GetValue<string>());
        Assert.Equal("execution.failed", body["kind"]!.GetValue<string>());
        Assert.Equal($"https://toolkit.example.com/executions/{ExecutionId:D}", body["links"]!["execution"]!.GetValue<string>());
        Assert.Equal("gateway", body["scope"]!["domain"]!.GetValue<string>());
        var data = body["data"]!;
        Assert.Equal(ExecutionId.ToString("D"), data["execution_id"]!.GetValue<string>());
        Assert.Equal("failed", data["status"]!.GetValue<string>());
        Assert.Equal("Take backup", data["failed_step"]!.GetValue<string>());
        Assert.Equal(90, data["duration_seconds"]!.GetValue<double>());
        Assert.Contains("at step Take backup", body["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_teams_preset_is_a_message_with_one_adaptive_card_and_an_open_url_action()
    {
        var body = JsonNode.Parse(PayloadPresets.Render(PayloadPresets.Teams, Failed(), Guid.NewGuid()))!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Contains(card["body"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "FactSet");
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.OpenUrl", action["type"]!.GetValue<string>());
        Assert.EndsWith($"/executions/{ExecutionId:D}", action["url"]!.GetValue<string>());
    }

    [Fact]
    public void The_slack_preset_has_fallback_text_blocks_and_escapes_slack_control_characters()
    {
        var body = JsonNode.Parse(PayloadPresets.Render(PayloadPresets.Slack, Failed(), Guid.NewGuid()))!;
        var text = body["text"]!.GetValue<string>();
        Assert.Contains("Nightly &lt;backup&gt; &amp; restart", text);
        Assert.Contains($"<https://toolkit.example.com/executions/{ExecutionId:D}|Open execution>", text);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.Contains(blocks, b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public void Without_a_web_address_there_are_no_links()
    {
        var execution = new ExecutionRecord { Id = ExecutionId, PlaybookPath = "a.yaml", PlaybookName = "A", ParametersJson = "{}" }.InStatus("completed");
        var n = ExecutionNotificationWorker.Build(execution, "completed", NotificationScope.None, 1, 0, null, null);
        Assert.Empty(n.Links);
        Assert.Null(JsonNode.Parse(PayloadPresets.Render(PayloadPresets.Generic, n, Guid.NewGuid()))!["data"]!["url"]);
        Assert.Equal($"execution.completed:{ExecutionId:D}", n.DedupKey);
    }

    [Theory]
    [InlineData("", null, null, null, "execution.failed", true)]
    [InlineData("execution.completed", null, null, null, "execution.failed", false)]
    [InlineData("execution.failed,execution.interrupted", "gateway/**", null, null, "execution.failed", true)]
    [InlineData("", "perspective/**", null, null, "execution.failed", false)]
    [InlineData("", "gateway/*.yaml", "GATEWAY", "nightly", "execution.failed", true)]
    [InlineData("", null, "perspective", null, "execution.failed", false)]
    [InlineData("", null, null, "weekly", "execution.failed", false)]
    [InlineData("", null, null, null, "test", false)]
    public void Webhooks_filter_by_kind_playbook_glob_domain_and_group(string kinds, string? pattern, string? domain, string? group, string kind, bool expected)
    {
        var webhook = new WebhookRecord
        {
            Name = "w", UrlDisplay = "", Preset = "generic", Kinds = kinds, PlaybookPattern = pattern, Domain = domain, Group = group,
            Enabled = true, SecretEnvelope = "", KeyId = "",
        };
        var n = Failed() with { Kind = kind };
        Assert.Equal(expected, WebhookFilter.Matches(webhook, n));
        Assert.False(WebhookFilter.Matches(webhook, n with { Scope = NotificationScope.None }) && pattern is not null);
    }

    [Fact]
    public void A_tag_filter_matches_any_of_the_playbooks_tags_and_a_disabled_webhook_nothing()
    {
        var webhook = new WebhookRecord { Name = "w", UrlDisplay = "", Preset = "generic", Kinds = "", Tag = "OPS", Enabled = true, SecretEnvelope = "", KeyId = "" };
        Assert.True(WebhookFilter.Matches(webhook, Failed()));
        webhook.Tag = "dev";
        Assert.False(WebhookFilter.Matches(webhook, Failed()));
        webhook.Tag = null;
        webhook.Enabled = false;
        Assert.False(WebhookFilter.Matches(webhook, Failed()));
    }

    [Fact]
    public void Only_scheme_and_host_of_a_webhook_url_are_shown()
    {
        Assert.Equal("https://hooks.slack.com/…", WebhookTarget.Display("https://hooks.slack.com/services/T0/B0/XYZSECRET"));
        Assert.DoesNotContain("XYZSECRET", new WebhookTarget("https://hooks.slack.com/services/T0/B0/XYZSECRET", "sec").ToString());
    }
}
