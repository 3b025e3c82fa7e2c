using Microsoft.JSInterop;

namespace IgnitionToolkit.Web.Settings;

/// <summary>
/// The credential chosen in the header for the whole session (one per circuit, kept per user in the browser's local
/// storage across reloads). A run started while it is set names it as <c>credential_name</c>: the API fills the
/// parameters its kind fills (gateway URL, user name, password) and the <c>credential</c> parameters left empty,
/// unless the run dialog gives them.
/// </summary>
public sealed class GlobalCredential(IJSRuntime js)
{
    public string? Name { get; private set; }

    public event Action? Changed;

    /// <summary>Reads the stored choice of <paramref name="user"/> (after the first render: local storage needs the browser).</summary>
    public async Task LoadAsync(string user)
    {
        var stored = await js.InvokeAsync<string?>("toolkitSettings.get", Key(user));
        if (stored == Name) return;
        Name = string.IsNullOrEmpty(stored) ? null : stored;
        Changed?.Invoke();
    }

    public async Task SetAsync(string user, string? name)
    {
        Name = string.IsNullOrEmpty(name) ? null : name;
        await js.InvokeVoidAsync("toolkitSettings.set", Key(user), Name);
        Changed?.Invoke();
    }

    private static string Key(string user) => "global-credential:" + user;
}
