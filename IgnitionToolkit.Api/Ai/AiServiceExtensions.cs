namespace IgnitionToolkit.Api.Ai;

/// <summary>The API's AI services ("Explain this failure", the conversation, drafts). The AI settings and the chat
/// client factory come with the step plugins (<c>AddToolkitSteps</c>), so the API, the Runner and the CLI bind the same.</summary>
public static class AiServiceExtensions
{
    public static WebApplicationBuilder AddToolkitAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AiKeys>();
        builder.Services.AddScoped<FailureContext>();
        builder.Services.AddScoped<ExecutionAssistant>();
        builder.Services.AddScoped<AiDraftWriter>();
        return builder;
    }
}
