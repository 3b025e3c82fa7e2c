using System.Globalization;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>What many integrators use today: Ansible's <c>uri</c> module. The command line runs a playbook of N
/// <c>gateway.ping</c> steps; <c>ansible-playbook</c> runs N <c>uri</c> tasks against the same simulator (local
/// connection, no fact gathering, as a lean Ansible playbook would). Both are processes started from scratch. Skipped,
/// with a note on the console, when <c>ansible-playbook</c> is not installed (Debian: <c>apt-get install ansible-core</c>).</summary>
internal static class AnsibleScenario
{
    /// <summary>Ansible takes seconds a run: fewer samples than the other process scenarios.</summary>
    private const int MaxSamples = 3;

    public static async Task<BenchmarkRow?> RunAsync(string folder, string tool, string url, int pings, int samples)
    {
        if (ProcessTiming.Find("ansible-playbook") is not { } ansible)
        {
            Console.Error.WriteLine("ansible: ansible-playbook is not installed (apt-get install ansible-core): the Ansible baseline is skipped");
            return null;
        }
        Console.Error.WriteLine($"ansible: {pings} × gateway.ping with the command line and {pings} × uri with ansible-playbook, as processes...");
        await File.WriteAllTextAsync(Path.Combine(folder, "pings.yaml"), GatewayScenarios.PingPlaybook(pings, url));
        await File.WriteAllTextAsync(Path.Combine(folder, "pings-ansible.yaml"), AnsiblePlaybook(pings, url));
        string[] cliArgs = ["run", "pings.yaml"];
        string[] ansibleArgs = ["-i", "localhost,", "-c", "local", "pings-ansible.yaml"];
        await ProcessTiming.TimeAsync(tool, folder, cliArgs); // warm-up: the file cache
        await ProcessTiming.TimeAsync(ansible, folder, ansibleArgs);
        var cliTimes = new List<double>();
        var ansibleTimes = new List<double>();
        for (var i = 0; i < Math.Min(samples, MaxSamples); i++)
        {
            cliTimes.Add(await ProcessTiming.TimeAsync(tool, folder, cliArgs));
            ansibleTimes.Add(await ProcessTiming.TimeAsync(ansible, folder, ansibleArgs));
        }
        var taken = Math.Min(samples, MaxSamples);
        return new BenchmarkRow($"`ignition-toolkit run` of {pings} × gateway.ping (median of {taken})", BenchmarkReport.Percentile(cliTimes, 0.5), "ms",
            $"ansible-playbook, {pings} × uri", BenchmarkReport.Percentile(ansibleTimes, 0.5), "≤ 1× (faster than Ansible)");
    }

    private static string AnsiblePlaybook(int pings, string url) => string.Create(CultureInfo.InvariantCulture, $$$"""
        - name: Ping bench
          hosts: localhost
          gather_facts: false
          tasks:
            - name: StatusPing
              ansible.builtin.uri:
                url: "{{{url}}}/StatusPing"
                return_content: true
              loop: "{{ range({{{pings}}}) | list }}"

        """);
}
