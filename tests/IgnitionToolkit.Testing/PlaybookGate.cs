namespace IgnitionToolkit.Testing;

/// <summary>
/// A playbook whose first step holds (a <c>utility.python</c> script waiting for a file) until the test calls
/// <see cref="Release"/>: a state the test must observe ("running", "pause requested") is held until it has observed it,
/// however slow the machine is. The playbook is <c>tests/gate-&lt;id&gt;.yaml</c> in the given library folder.
/// </summary>
public sealed class PlaybookGate
{
    private readonly string _releaseFile;

    public PlaybookGate(string library)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        _releaseFile = Path.Combine(Path.GetTempPath(), $"itk-gate-{id}.release");
        Playbook = $"tests/gate-{id}.yaml";
        var file = Path.Combine(library, Playbook);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $$"""
            name: Gate {{id}}
            version: "1.0"
            description: Holds its first step until the test releases it.
            steps:
              - id: hold
                name: Hold
                type: utility.python
                timeout: 7200
                parameters:
                  script: |
                    import os, time
                    while not os.path.exists(r"{{_releaseFile}}"):
                        time.sleep(0.05)
              - id: after
                name: After
                type: utility.log
                parameters:
                  message: released
            """);
    }

    /// <summary>The playbook's path in the library.</summary>
    public string Playbook { get; }

    /// <summary>Lets the held step end (every execution of this gate that holds, and every later one, goes on).</summary>
    public void Release() => File.WriteAllText(_releaseFile, "go");
}
