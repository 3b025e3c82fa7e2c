using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class FuzzTests
{
    private const string Seed = """
        name: fuzz
        version: "1.0"
        parameters:
          - {name: who, type: string, default: "x"}
        steps:
          - id: a
            type: utility.log
            parameters: {message: "hi {{ who }}", level: info}
          - &s
            id: b
            type: playbook.run
            parameters: {playbook: child.yaml, who: [1, {k: v}]}
            timeout: 5
        metadata: {tags: [a, b]}
        """;

    private static readonly char[] Noise = ['{', '}', '[', ']', ':', '-', '&', '*', '!', '|', '>', '"', '\'', '#', '\n', ' ', '\t', '\0', '%', '@', '`', '?', ',', '<'];

    /// <summary>Random edits of a valid playbook (seed and rounds can be changed with FUZZ_SEED / FUZZ_ROUNDS)
    /// must give diagnostics, never an exception.</summary>
    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Seeded fuzzing must be reproducible (FUZZ_SEED); nothing secret depends on it.")]
    public void Mutated_playbooks_never_throw()
    {
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "20261126"));
        var source = new InMemoryPlaybookSource(new Dictionary<string, string> { ["child.yaml"] = Seed });
        var text = Normalize(Seed);
        for (var round = 0; round < int.Parse(Environment.GetEnvironmentVariable("FUZZ_ROUNDS") ?? "1500"); round++)
        {
            var chars = text.ToCharArray().ToList();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Noise[random.Next(Noise.Length)]); break;
                    default: chars[at] = Noise[random.Next(Noise.Length)]; break;
                }
            }
            var mutated = new string(chars.ToArray());
            PlaybookLoadResult result;
            try { result = Loader().Load(mutated, "fuzz.yaml", source); }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"loading this text threw:\n{mutated}\n{ex}");
            }
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Message)));
            new PlaybookMigrator(new Fakes.TestCatalog()).Migrate(mutated, "fuzz.yaml");
        }
    }
}
