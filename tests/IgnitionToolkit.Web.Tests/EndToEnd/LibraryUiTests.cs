using System.IO.Compression;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The library in the browser (issue 13): import of a zip with a conflict, verify → edit → verification
/// cleared, and a git source following a new commit of a local bare repository (made here with the git program).</summary>
[Collection(UiCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LibraryUiTests(UiFixture ui)
{
    private static string Playbook(string name, string message) => $"""
        name: {name}
        version: "1.0"
        steps:
          - id: say
            name: Say
            type: utility.log
            parameters:
              message: "{message}"
        """;

    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]");

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private string WriteLocal(string path, string yaml)
    {
        var full = Path.Combine(ui.Stack.Library, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, yaml);
        return path;
    }

    private static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task Importing_a_zip_with_a_conflict_shows_the_preview_and_asks_what_to_do_with_it()
    {
        var folder = "uiimport" + Unique();
        WriteLocal($"{folder}/clash.yaml", Playbook("Clash in library", "library"));
        var zip = Zip(new Dictionary<string, string>
        {
            [$"{folder}/clash.yaml"] = Playbook("Clash imported", "imported"),
            [$"{folder}/fresh.yaml"] = Playbook("Fresh " + folder, "new"),
        });
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        await UiFixture.ChooseFilesAsync(page.GetByTestId("import-file"), new FilePayload { Name = "team.zip", MimeType = "application/zip", Buffer = zip });

        var clash = page.Locator($"[data-testid=import-item][data-path='{folder}/clash.yaml']");
        await Expect(clash).ToHaveAttributeAsync("data-state", "changed");
        await Expect(clash).ToContainTextAsync("conflict");
        await Expect(page.Locator($"[data-testid=import-item][data-path='{folder}/fresh.yaml']")).ToHaveAttributeAsync("data-state", "new");
        await Expect(page.GetByTestId("import-apply")).ToBeDisabledAsync(); // a conflict needs a choice first
        await ui.ScreenshotAsync(page, "library-import");

        await clash.GetByTestId("import-choice").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Overwrite" }).ClickAsync();
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.GetByTestId("import-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-testid=playbook-card][data-path='{folder}/fresh.yaml']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=playbook-card][data-path='{folder}/clash.yaml']")).ToContainTextAsync("Clash imported");
        Assert.Contains("imported", File.ReadAllText(Path.Combine(ui.Stack.Library, folder, "clash.yaml")));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Verifying_then_editing_a_playbook_clears_its_verification()
    {
        var path = WriteLocal($"uiverify{Unique()}/check.yaml", Playbook("Check me", "before"));
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"playbooks/view/{path}");
        await Expect(page.GetByTestId("verification")).ToContainTextAsync("not verified");
        await page.GetByTestId("verify-switch").ClickAsync();
        await Expect(page.GetByTestId("verification")).ToContainTextAsync($"verified by {ToolkitStack.AdminUser}");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Edit YAML" }).ClickAsync();
        await page.GetByTestId("yaml-input").FillAsync(Playbook("Check me", "after an edit"));
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("verification")).ToContainTextAsync("changed since verified");
        await Expect(page.Locator("[data-testid=verify-switch] input, input[data-testid=verify-switch]").First).Not.ToBeCheckedAsync();

        await UiFixture.OpenAsync(page, "playbooks");
        var card = page.Locator($"[data-testid=playbook-card][data-path='{path}']");
        await Expect(card.GetByTestId("changed-since-verified")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("verified")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_git_library_follows_a_new_commit_of_its_repository_after_showing_the_diff()
    {
        var root = Path.Combine(Path.GetTempPath(), "toolkit-ui-git", Unique());
        Directory.CreateDirectory(root);
        try
        {
            const string git = "git -c user.name=Tester -c user.email=tester@example.test -c init.defaultBranch=main";
            async Task<string> Git(string command, string directory)
            {
                var result = await ShellCommand.RunAsync($"{git} {command}", directory, TimeSpan.FromMinutes(2));
                Assert.True(result.ExitCode == 0, $"git {command}: {result.Output}");
                return result.Output.Trim();
            }
            await Git("init --bare origin.git", root);
            await Git("clone origin.git work", root);
            var work = Path.Combine(root, "work");
            Directory.CreateDirectory(Path.Combine(work, "playbooks"));
            File.WriteAllText(Path.Combine(work, "playbooks", "greet.yaml"), Playbook("Team greeting", "hello v1"));
            await Git("add -A && " + git + " commit -m first && " + git + " push origin HEAD:main", work);

            var name = "team" + Unique();
            var (page, errors) = await ui.NewPageAsync();
            await UiFixture.OpenAsync(page, "library/sources");
            await page.GetByTestId("new-source").ClickAsync();
            await Field(page, "source-name").FillAsync(name);
            await Field(page, "source-url").FillAsync(Path.Combine(root, "origin.git"));
            await Field(page, "source-subfolder").FillAsync("playbooks");
            await page.GetByTestId("source-save").ClickAsync();
            var source = page.Locator($"[data-testid=source][data-name='{name}']");
            var first = await Git("rev-parse HEAD", work);
            await Expect(source.GetByTestId("source-commit")).ToHaveAttributeAsync("data-commit", first);

            File.WriteAllText(Path.Combine(work, "playbooks", "greet.yaml"), Playbook("Team greeting", "hello v2"));
            await Git("commit -am second && " + git + " push origin HEAD:main", work);
            var second = await Git("rev-parse HEAD", work);
            await source.GetByTestId("source-fetch").ClickAsync();
            await Expect(source.GetByTestId("updates-available")).ToBeVisibleAsync();
            await source.Locator("[data-testid=update][data-path='greet.yaml']").GetByTestId("update-diff").ClickAsync();
            await Expect(source.GetByTestId("diff")).ToContainTextAsync("+      message: \"hello v2\"");
            await ui.ScreenshotAsync(page, "library-sources");
            await source.GetByTestId("source-pull").ClickAsync();
            await Expect(source.GetByTestId("source-commit")).ToHaveAttributeAsync("data-commit", second);
            await Expect(source.GetByTestId("updates-available")).ToHaveCountAsync(0);

            await UiFixture.OpenAsync(page, $"playbooks/view/{name}/greet.yaml");
            await Expect(page.GetByTestId("git-origin")).ToContainTextAsync(second[..7]);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Edit YAML" }).ClickAsync();
            await Expect(page.GetByTestId("copy-to-local")).ToBeVisibleAsync(); // read-only: edit offers a local copy
            await Expect(page.GetByTestId("save")).ToHaveCountAsync(0);
            Assert.Empty(errors);
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(root, recursive: true);
        }
    }
}
