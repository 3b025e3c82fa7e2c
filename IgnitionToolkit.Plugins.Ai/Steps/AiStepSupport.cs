using System.Text.Json;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Plugins.Ai.Chat;
using IgnitionToolkit.Plugins.Ai.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary>What the AI steps share: opening a masked chat with the execution's key, images, context as text.</summary>
public static class AiStepSupport
{
    public const string Category = "ai";

    public const string System = "You assist engineers who commission and test Inductive Automation Ignition SCADA gateways " +
        "with the Ignition Toolkit (YAML playbooks of steps). Answer concisely. Values shown as *** are secrets you cannot see.";

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static readonly StepOutputSchema UsageOutput = AiVerdictOutputs.Usage;

    /// <summary>A chat with the provider for this step. The key comes from the execution's vault credential
    /// (<c>Toolkit:Ai:Credential</c>, sent sealed with the execution), else from <c>TOOLKIT_AI_API_KEY</c> (command line).
    /// Every text is masked with the execution's secrets (credentials, secret parameters, the key itself).</summary>
    internal static (AiChat Chat, IDisposable Client) Open(StepContext context)
    {
        var settings = context.Services.GetRequiredService<AiSettings>();
        var masker = new SecretMasker();
        foreach (var credential in context.Credentials.Values)
            foreach (var (field, value) in credential)
                if (field is not ("username" or "gateway_url")) masker.Add(value);
        foreach (var (name, value) in context.Parameters)
            if (value is string text && SecretNames.IsSecretName(name)) masker.Add(text);
        var key = context.Credentials.TryGetValue(settings.Credential, out var fields) && fields.TryGetValue(AiSettings.KeyField, out var stored)
            ? stored
            : Environment.GetEnvironmentVariable(AiSettings.KeyEnvironmentVariable);
        masker.Add(key);
        var client = context.Services.GetRequiredService<AiChatClientFactory>().Create(settings, key);
        return (new AiChat(settings, client, text => masker.Apply(LiveSecrets.Mask(text))), client);
    }

    /// <summary>The descriptor's <c>DisabledReason</c>: set when AI is switched off for the deployment.</summary>
    public static string? Disabled(AiSettings settings) =>
        settings.Enabled ? null : "Toolkit:Ai:Enabled is false (environment variable Toolkit__Ai__Enabled): AI is switched off on this deployment";

    /// <summary>Formats a value (map, list, text) for a prompt.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "(none)",
        string text => text,
        _ => JsonSerializer.Serialize(value, Indented),
    };

    /// <summary>The image at <paramref name="reference"/>: a file path, or the name of an artifact of this execution.</summary>
    internal static async Task<DataContent> ImageAsync(StepContext context, string parameter, string reference, CancellationToken cancellationToken)
    {
        var path = reference;
        if (!File.Exists(path) && context.Services.GetService<ToolkitPaths>() is { } paths)
        {
            var artifact = Path.Combine(paths.ArtifactsDirectory, context.ExecutionId.ToString(), Path.GetFileName(reference));
            if (File.Exists(artifact)) path = artifact;
        }
        if (!File.Exists(path)) throw new StepParameterException(parameter, $"no image at '{reference}' (a file path or an artifact name of this execution)");
        var mediaType = MediaType(path) ?? throw new StepParameterException(parameter, "only PNG, JPEG, GIF and WebP images can be shown to the model");
        return new DataContent(await File.ReadAllBytesAsync(path, cancellationToken), mediaType);
    }

    public static string? MediaType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => null,
    };

    /// <summary>Runs <paramref name="work"/> with a chat; an <see cref="AiException"/> becomes a failed step (with the usage so far).</summary>
    internal static async Task<StepResult> RunAsync(StepContext context, Func<AiChat, Task<StepResult>> work)
    {
        AiChat? chat = null;
        IDisposable? client = null;
        try
        {
            (chat, client) = Open(context);
            var result = await work(chat);
            context.Logger.LogStep($"AI usage: {chat.Usage}");
            return result;
        }
        catch (AiException ex)
        {
            var outputs = chat is null ? null : new Dictionary<string, object?> { [AiUsage.OutputName] = chat.Usage.ToOutput() };
            return StepResult.Failed(ex.Message, outputs);
        }
        finally
        {
            client?.Dispose();
        }
    }

    internal static Dictionary<string, object?> Outputs(AiChat chat, params (string Name, object? Value)[] values)
    {
        var outputs = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        outputs[AiUsage.OutputName] = chat.Usage.ToOutput();
        return outputs;
    }
}
