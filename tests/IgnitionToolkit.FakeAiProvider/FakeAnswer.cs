namespace IgnitionToolkit.FakeAiProvider;

/// <summary>What the fake provider answers to the next request.</summary>
public sealed record FakeAnswer
{
    public string? Text { get; init; }
    /// <summary>An HTTP status other than 200 (with the API's error body).</summary>
    public int Status { get; init; } = 200;
    /// <summary>A body that is not JSON.</summary>
    public bool Malformed { get; init; }
    /// <summary>No answer at all until the client gives up (a provider that is too slow).</summary>
    public bool Hang { get; init; }
    public int InputTokens { get; init; } = 120;
    public int OutputTokens { get; init; } = 30;

    public static FakeAnswer Of(string text) => new() { Text = text };

    public static FakeAnswer Error(int status) => new() { Status = status };

    public static FakeAnswer NotJson() => new() { Malformed = true };

    public static FakeAnswer Never() => new() { Hang = true };

    public static implicit operator FakeAnswer(string text) => Of(text);
}

/// <summary>One request the fake provider received: which API, path, headers and body.</summary>
public sealed record RecordedRequest(string Api, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
