using IgnitionToolkit.Plugins.Ai.Providers;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class AiSettingsTests
{
    private static AiSettings Read(params (string Key, string Value)[] values) =>
        AiSettings.From(k => values.LastOrDefault(v => v.Key == k).Value);

    [Fact]
    public void A_connection_string_names_provider_model_and_endpoint_and_settings_win()
    {
        var settings = Read(("ConnectionStrings:ai", "Provider=azure-openai;Endpoint=https://plant.openai.azure.com/openai/v1;Model=gpt-4o"),
            ("Toolkit:Ai:Model", "gpt-4.1"));

        Assert.True(settings.IsConfigured);
        Assert.Equal(AiProviderKind.OpenAI, settings.Provider);
        Assert.Equal("gpt-4.1", settings.Model);
        Assert.Equal("https://plant.openai.azure.com/openai/v1/", settings.Endpoint!.ToString());
    }

    [Fact]
    public void A_key_in_the_connection_string_is_refused_it_belongs_in_the_vault()
    {
        var settings = Read(("ConnectionStrings:ai", "Provider=anthropic;Model=claude-sonnet-4-5;Key=sk-ant-123"));

        Assert.False(settings.IsConfigured);
        Assert.Contains("must not hold 'key': API keys belong in the vault", settings.Problem);
        Assert.DoesNotContain("sk-ant-123", settings.Problem);
    }

    [Fact]
    public void Ollama_defaults_to_its_local_endpoint_and_needs_no_key()
    {
        var settings = Read(("Toolkit:Ai:Provider", "ollama"), ("Toolkit:Ai:Model", "llama3.2-vision"));

        Assert.Equal("http://localhost:11434/v1/", settings.Endpoint!.ToString());
        Assert.True(settings.KeyOptional);
    }

    [Theory]
    [InlineData("Toolkit:Ai:Provider", "gemini", "Provider 'gemini' is unknown")]
    [InlineData("Toolkit:Ai:Enabled", "perhaps", "Enabled must be true or false")]
    [InlineData("Toolkit:Ai:Endpoint", "not a url", "is not an absolute http(s) URL")]
    public void A_bad_setting_is_named(string key, string value, string message)
    {
        var settings = Read(("Toolkit:Ai:Provider", "anthropic"), ("Toolkit:Ai:Model", "m"), (key, value));

        Assert.False(settings.IsConfigured);
        Assert.Contains(message, settings.Problem);
    }

    [Fact]
    public void Switched_off_means_not_configured_and_says_so()
    {
        var settings = Read(("Toolkit:Ai:Provider", "anthropic"), ("Toolkit:Ai:Model", "m"), ("Toolkit:Ai:Enabled", "false"));

        Assert.False(settings.IsConfigured);
        Assert.Contains("switched off", settings.Problem);
    }
}
