using IgnitionToolkit.FakeAiProvider;

// Stand-alone: `dotnet run --project tests/IgnitionToolkit.FakeAiProvider -- http://127.0.0.1:5199` answers every
// request with FAKE_AI_ANSWER (default "ok") and accepts any key, for trying the AI settings by hand.
await using var server = await FakeAiServer.StartAsync(args.FirstOrDefault() ?? "http://127.0.0.1:0");
server.RequiredKey = null;
server.DefaultAnswer = Environment.GetEnvironmentVariable("FAKE_AI_ANSWER") ?? "ok";
Console.WriteLine($"Fake AI provider on {server.BaseAddress} (Anthropic: {server.BaseAddress}v1/messages, OpenAI: {server.BaseAddress}v1/chat/completions)");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
