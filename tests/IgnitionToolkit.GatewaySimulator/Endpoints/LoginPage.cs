namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Minimal pages so a browser can walk the login (selectors from reference section 5).</summary>
internal static class LoginPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html>
        <head><title>Ignition Gateway Login</title></head>
        <body>
          <div class="panel-header"><p class="panel-description">You must log in to continue.</p></div>
          <div id="step-username">
            <input class="username-field" name="username" autocomplete="username" />
            <div class="submit-button" id="continue">Continue</div>
          </div>
          <div id="step-password" style="display:none">
            <input class="password-field" name="password" type="password" autocomplete="current-password" />
            <div class="submit-button" id="sign-in">Sign In</div>
          </div>
          <p class="login-error" style="display:none"></p>
          <script>
            const query = new URLSearchParams(location.search);
            let token = query.get('token');
            async function post(path, body) {
              const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              if (!response.ok) { throw new Error('HTTP ' + response.status); }
              return response.json();
            }
            async function start() {
              const next = await post('/idp/default/authn/next-challenge', { token });
              token = next.token;
            }
            const ready = start();
            document.getElementById('continue').onclick = () => {
              document.getElementById('step-username').style.display = 'none';
              document.getElementById('step-password').style.display = 'block';
            };
            document.getElementById('sign-in').onclick = async () => {
              await ready;
              const username = document.querySelector('input.username-field').value;
              const password = document.querySelector('input.password-field').value;
              const result = await post('/idp/default/authn/submit-challenge/basic',
                { token, rememberMe: false, challenge: { username, password } });
              token = result.token;
              if (!result.success) {
                const error = document.querySelector('.login-error');
                error.textContent = result.message || 'Login failed';
                error.style.display = 'block';
                document.getElementById('step-password').style.display = 'none';
                document.getElementById('step-username').style.display = 'block';
                return;
              }
              const done = await post('/idp/default/authn/next-challenge', { token });
              query.set('token', done.token);
              location.href = '/idp/default/oidc/auth?' + query.toString();
            };
          </script>
        </body>
        </html>
        """;

    public const string AppHtml = """
        <!DOCTYPE html>
        <html>
        <head><title>Ignition Gateway</title></head>
        <body><h1 class="gateway-home">Ignition Gateway (simulator)</h1></body>
        </html>
        """;
}
