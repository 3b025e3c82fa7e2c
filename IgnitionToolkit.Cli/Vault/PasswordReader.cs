using System.Text;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Vault;

/// <summary>Reads a password from standard input (first line, <c>--password-stdin</c>) or, at a terminal, from a prompt
/// that echoes nothing. Never from an argument: arguments are visible to every user of the machine and kept in shell history.</summary>
public static class PasswordReader
{
    public static async Task<string?> ReadAsync(CliContext context, bool fromStdin, string prompt)
    {
        if (fromStdin) return (await context.Input.ReadLineAsync())?.TrimEnd('\r');
        if (!context.Interactive) return null;
        await context.Error.WriteAsync(prompt);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0) password.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        await context.Error.WriteLineAsync();
        return password.ToString();
    }
}
