namespace IgnitionToolkit.GatewaySimulator.Perspective;

/// <summary>
/// The <c>dashboard</c> page: what v5's <c>perspective/test_verification_examples.yaml</c> checks (title, welcome text, a
/// date stamp, a status class, an input value, enabled, disabled and hidden elements), buttons that change state, and a
/// component with an open shadow root (for <c>perspective.discover_page</c>).
/// </summary>
internal static partial class PerspectivePages
{
    private const string DashboardScript = """
        const byId = id => document.getElementById(id);
        const now = new Date();
        document.querySelector('.timestamp').textContent = 'Updated ' + now.toISOString().slice(0, 10) + ' ' + now.toISOString().slice(11, 19);
        const setpoint = byId('setpoint-value');
        const submit = byId('submit-button');
        const validate = () => { if (setpoint.value.trim()) submit.removeAttribute('disabled'); else submit.setAttribute('disabled', ''); };
        setpoint.addEventListener('input', validate);
        setpoint.addEventListener('keydown', e => { if (e.key === 'Enter') byId('submit-result').textContent = 'Entered ' + setpoint.value; });
        byId('module-file').addEventListener('change', e => {
          const file = e.target.files[0];
          byId('upload-result').textContent = file ? 'Selected ' + file.name + ' (' + file.size + ' bytes)' : 'No file';
        });
        validate();
        submit.onclick = () => { byId('submit-result').textContent = 'Submitted ' + setpoint.value; };
        byId('action-button').onclick = () => {
          const status = byId('status-indicator');
          const ok = status.classList.contains('status-ok');
          status.className = ok ? 'status-alarm' : 'status-ok';
          status.textContent = ok ? 'ALARM' : 'OK';
        };
        byId('unlock-button').onclick = () => {
          const locked = byId('locked-button');
          if (locked.hasAttribute('disabled')) { locked.removeAttribute('disabled'); byId('unlock-button').textContent = 'Lock'; }
          else { locked.setAttribute('disabled', ''); byId('unlock-button').textContent = 'Unlock'; }
        };
        byId('locked-button').onclick = () => { byId('submit-result').textContent = 'Locked button pressed'; };
        document.querySelector('.loading-spinner').style.display = 'none';
        customElements.define('ia-gauge', class extends HTMLElement {
          connectedCallback() {
            if (this.shadowRoot) return;
            const root = this.attachShadow({ mode: 'open' });
            root.innerHTML = '<div data-component="ia.display.gauge" data-component-path="C:6:0" class="gauge-value">Gauge 42</div>'
              + '<button id="gauge-reset" data-component="ia.input.button" data-component-path="C:6:1">Reset gauge</button>'
              + '<input class="gauge-limit" aria-label="Gauge limit" value="80">';
            root.getElementById('gauge-reset').onclick = () => { root.querySelector('.gauge-value').textContent = 'Gauge 0'; };
          }
        });
        """;

    public static string Dashboard(string project, int delay) => Shell($"{Encode(project)} - Dashboard", delay, $"""
        <div class="perspective-page" data-component="ia.container.flex" data-component-path="C">
          <h1 class="page-title" data-component="ia.display.label" data-component-path="C:0">Dashboard</h1>
          <div class="welcome-message" data-component="ia.display.label" data-component-path="C:1">Welcome to {Encode(project)}, operator</div>
          <div class="timestamp" data-component="ia.display.label" data-component-path="C:2"></div>
          <div id="status-indicator" class="status-ok" data-component="ia.display.label" data-component-path="C:3">OK</div>
          <div class="main-panel" data-component="ia.container.flex" data-component-path="C:4">
            <div class="loading-spinner">Loading values…</div>
            <label for="setpoint-value">Setpoint</label>
            <input id="setpoint-value" value="100" data-component="ia.input.numeric-entry-field" data-component-path="C:4:0" />
            <button id="submit-button" disabled data-component="ia.input.button" data-component-path="C:4:1">Submit</button>
            <button id="action-button" data-component="ia.input.button" data-component-path="C:4:2">Toggle alarm</button>
            <button id="locked-button" disabled data-component="ia.input.button" data-component-path="C:4:3">Locked action</button>
            <button id="unlock-button" data-component="ia.input.button" data-component-path="C:4:4">Unlock</button>
            <select id="mode" data-component="ia.input.dropdown" data-component-path="C:4:5"><option>Auto</option><option>Manual</option></select>
            <div id="submit-result" data-component="ia.display.label" data-component-path="C:4:6"></div>
            <input id="module-file" type="file" accept=".modl" data-component="ia.input.file-upload" data-component-path="C:4:7" />
            <div id="upload-result" data-component="ia.display.label" data-component-path="C:4:8">No file</div>
          </div>
          <a id="nav-docked" href="docked" data-component="ia.navigation.link" data-component-path="C:5">Docked page</a>
          <ia-gauge data-component="ia.display.gauge-panel" data-component-path="C:6"></ia-gauge>
          <div class="hidden-note" style="display:none" data-component-path="C:7">Maintenance notes</div>
        </div>
        """, DashboardScript);
}
