using System.Text;
using System.Text.RegularExpressions;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>
/// Documentation that runs as written: every fenced block marked <c>```bash runnable</c> in README.md and docs/ is run
/// against the stack <c>make start DEMO=1</c> started (the blocks of one page in order, in one shell, from the repository
/// root), must exit 0, and must print each text its <c># expect: …</c> lines name.
/// </summary>
[Collection(NewcomerCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class DocsExamplesTests(NewcomerFixture stack)
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in RunnablePages()) pages.Add(page);
        return pages;
    }

    [Fact]
    public void Pages_with_runnable_examples_are_found()
    {
        Assert.Contains("docs/demo-mode.md", RunnablePages());
        Assert.Contains("docs/cli.md", RunnablePages());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Runnable_examples_run_as_written(string page)
    {
        Assert.True(stack.StartOutput.Length > 0, "make start DEMO=1 did not run");
        var blocks = Blocks(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, page)));
        var script = new StringBuilder("set -euo pipefail\n");
        foreach (var (line, code) in blocks)
            script.Append("echo '>>> ").Append(page).Append(':').Append(line).Append("'\n").Append(code).Append('\n');

        var result = await ShellCommand.RunAsync(script.ToString(), RepositoryLayout.Root, TimeSpan.FromMinutes(8));

        var last = result.Output.Split('\n').LastOrDefault(l => l.StartsWith(">>> ", StringComparison.Ordinal)) ?? "(before the first block)";
        Assert.True(result.ExitCode == 0, $"{page}: the block at {last[4..]} failed (exit {result.ExitCode}):\n{result.Output}");
        foreach (var expected in blocks.SelectMany(b => Expectations(b.Code)))
            Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"{page}: the output lacks '{expected}':\n{result.Output}");
    }

    private static List<string> RunnablePages()
    {
        var root = RepositoryLayout.Root;
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"));
        return [.. files.Where(f => File.ReadAllText(f).Contains("```bash runnable", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    /// <summary>The runnable blocks of a page, with the line their code starts at.</summary>
    private static List<(int Line, string Code)> Blocks(string markdown)
    {
        var blocks = new List<(int, string)>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```bash runnable") continue;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```") end++;
            blocks.Add((start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }
        return blocks;
    }

    private static IEnumerable<string> Expectations(string code) =>
        ExpectLine().Matches(code).Select(m => m.Groups[1].Value.TrimEnd());

    [GeneratedRegex(@"^# expect: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
