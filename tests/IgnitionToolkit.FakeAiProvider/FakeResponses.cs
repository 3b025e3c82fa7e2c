using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.FakeAiProvider;

/// <summary>Response bodies as the real APIs write them (the fields the SDKs read).</summary>
internal static class FakeResponses
{
    public static IResult Anthropic(string model, FakeAnswer answer) => Results.Json(new Dictionary<string, object?>
    {
        ["id"] = $"msg_{Guid.NewGuid():N}",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = new[] { new Dictionary<string, object?> { ["type"] = "text", ["text"] = answer.Text ?? "" } },
        ["stop_reason"] = "end_turn",
        ["stop_sequence"] = null,
        ["usage"] = new Dictionary<string, object?>
        {
            ["input_tokens"] = answer.InputTokens,
            ["output_tokens"] = answer.OutputTokens,
            ["cache_creation_input_tokens"] = 0,
            ["cache_read_input_tokens"] = 0,
        },
    });

    public static IResult OpenAI(string model, FakeAnswer answer) => Results.Json(new Dictionary<string, object?>
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["index"] = 0,
                ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = answer.Text ?? "", ["refusal"] = null },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
            },
        },
        ["usage"] = new Dictionary<string, object?>
        {
            ["prompt_tokens"] = answer.InputTokens,
            ["completion_tokens"] = answer.OutputTokens,
            ["total_tokens"] = answer.InputTokens + answer.OutputTokens,
        },
    });

    public static IResult Error(string api, int status) => api == "anthropic"
        ? Results.Json(new { type = "error", error = new { type = status == 401 ? "authentication_error" : "api_error", message = $"fake error {status}" } }, statusCode: status)
        : Results.Json(new { error = new { message = $"fake error {status}", type = "invalid_request_error", code = status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }, statusCode: status);
}
