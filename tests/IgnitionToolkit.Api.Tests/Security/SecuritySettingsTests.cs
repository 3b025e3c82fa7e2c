using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Security;

[Trait("Category", "Unit")]
public sealed class SecuritySettingsTests
{
    [Fact]
    public async Task Invalid_security_settings_stop_the_API_naming_each_variable()
    {
        var data = Directory.CreateTempSubdirectory("toolkit-security-settings-");
        try
        {
            var (exitCode, output) = await ApiCommand.RunAsync(
                $"--Toolkit:DataDirectory={data.FullName}", "--Toolkit:RateLimit:PermitLimit=0", "--Toolkit:RateLimit:Window=00:00:00",
                "--Toolkit:RateLimit:QueueLimit=-1", "--Toolkit:Cors:AllowedOrigins=https://ok.example.com,https://bad.example.com/app",
                "--Toolkit:Https:Port=70000");
            Assert.True(exitCode == 2, output);
            Assert.Contains("Toolkit__RateLimit__PermitLimit must be at least 1", output);
            Assert.Contains("Toolkit__RateLimit__Window must be a positive duration", output);
            Assert.Contains("Toolkit__RateLimit__QueueLimit must be at least 0", output);
            Assert.Contains("Toolkit__Cors__AllowedOrigins must list origins like https://host[:port] without path, query or wildcard (was 'https://bad.example.com/app')", output);
            Assert.Contains("Toolkit__Https__Port must be a TCP port between 1 and 65535 (was 70000)", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
