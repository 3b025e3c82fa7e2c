namespace IgnitionToolkit.GatewaySimulator.State;

public sealed partial class GatewayState
{
    public IReadOnlyList<ProjectRecord> Projects
    {
        get { lock (_gate) { return [.. _projects.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)]; } }
    }

    public ProjectRecord? FindProject(string name)
    {
        lock (_gate) { return _projects.GetValueOrDefault(name); }
    }

    public DateTimeOffset LastProjectScan
    {
        get { lock (_gate) { return _lastProjectScan; } }
    }

    public DateTimeOffset LastConfigScan
    {
        get { lock (_gate) { return _lastConfigScan; } }
    }

    /// <summary>Imports a project zip under <paramref name="name"/>; 409 when it exists and overwrite is false, 400 for a bad zip.</summary>
    public OperationResult ImportProject(string name, byte[] zip, bool overwrite)
    {
        if (!ProjectArchive.TryRead(name, zip, out var project, out var error))
        {
            return OperationResult.Fail(400, error);
        }
        lock (_gate)
        {
            if (_projects.ContainsKey(name) && !overwrite)
            {
                return OperationResult.Fail(409,
                    $"Cannot import project. Project '{name}' already exists and overwriting is not allowed in this request.");
            }
            _projects[name] = project;
            LogLocked("INFO", "gateway.ProjectManager", $"Project '{name}' imported (overwrite={overwrite}).");
            return OperationResult.Ok;
        }
    }

    /// <summary>Removes a project (admin endpoint; lets tests change state before a restore).</summary>
    public bool DeleteProject(string name)
    {
        lock (_gate)
        {
            var removed = _projects.Remove(name);
            if (removed)
            {
                LogLocked("INFO", "gateway.ProjectManager", $"Project '{name}' deleted.");
            }
            return removed;
        }
    }

    /// <summary>Builds a <c>.gwbk</c> of the current state.</summary>
    public byte[] CreateBackup()
    {
        lock (_gate)
        {
            LogLocked("INFO", "gateway.Backup", "Gateway backup created.");
            return BackupArchive.Write(_gatewayName, _seed.Version, _seed.Edition, _clock.GetUtcNow(), [.. _projects.Values]);
        }
    }

    /// <summary>Validates a <c>.gwbk</c>, replaces the projects (and the name unless renamed) and restarts the gateway.</summary>
    public OperationResult Restore(byte[] gwbk, string? newName)
    {
        if (!BackupArchive.TryRead(gwbk, out var backup, out var error))
        {
            return OperationResult.Fail(400, error);
        }
        if (!GatewayVersion.CanRestore(backup.Version, _seed.Version, out var versionError))
        {
            return OperationResult.Fail(400, versionError);
        }
        lock (_gate)
        {
            _projects.Clear();
            foreach (var project in backup.Projects)
            {
                _projects[project.Name] = project;
            }
            _gatewayName = string.IsNullOrWhiteSpace(newName) ? backup.GatewayName : newName;
            LogLocked("WARN", "gateway.Backup",
                $"Restoring backup of '{backup.GatewayName}' taken {backup.Timestamp:O} (version {backup.Version}).");
        }
        Restart("backup restored");
        return OperationResult.Ok;
    }
}
