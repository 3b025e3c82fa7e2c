namespace IgnitionToolkit.GatewaySimulator.WebUi;

/// <summary>
/// The IdP form of an 8.3 gateway (reference §3 and §5): the username (<c>input.username-field</c>) and CONTINUE
/// (<c>div.submit-button</c>), then the password (<c>input.password-field</c>) and the same CONTINUE button. It runs the
/// JSON challenge flow (next-challenge, submit-challenge/basic, next-challenge, then /idp/default/oidc/auth with the final
/// token). A rejected password shows <c>.login-error</c> and goes back to the username step.
/// </summary>
internal static class IdpLoginPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html>
        <head>
          <meta charset="utf-8">
          <title>Ignition Gateway Login</title>
          <style>
            body { margin: 0; font-family: sans-serif; background: #1d2733; display: flex; justify-content: center; align-items: center; min-height: 100vh; }
            .login-panel { background: #fff; border-radius: 6px; padding: 28px 32px; width: 340px; }
            .panel-description { color: #5b6b7b; }
            input { display: block; box-sizing: border-box; width: 100%; padding: 8px; margin: 8px 0 16px; }
            .submit-button { background: #0b6bcb; color: #fff; text-align: center; padding: 10px; border-radius: 4px; cursor: pointer; }
            .login-error { color: #b3261e; }
          </style>
        </head>
        <body>
          <div class="login-panel">
            <div class="panel-header"><h2>Sign in</h2><p class="panel-description">You must log in to continue.</p></div>
            <p class="login-error" role="alert" style="display:none"></p>
            <div id="step-username">
              <label for="username">Username</label>
              <input id="username" class="username-field" type="text" name="username" autocomplete="username" />
            </div>
            <div id="step-password" style="display:none">
              <p class="login-user"></p>
              <label for="password">Password</label>
              <input id="password" class="password-field" name="password" type="password" autocomplete="current-password" />
            </div>
            <div class="submit-button" role="button" tabindex="0">CONTINUE</div>
          </div>
          <script>
            const query = new URLSearchParams(location.search);
            let token = query.get('token');
            let stage = 'username';
            let busy = false;
            const $ = s => document.querySelector(s);
            async function post(path, body) {
              const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              if (!response.ok) { throw new Error('The login request failed (HTTP ' + response.status + '). Reload the page to start again.'); }
              return response.json();
            }
            async function challenge() { token = (await post('/idp/default/authn/next-challenge', { token })).token; }
            let ready = challenge();
            function showError(message) {
              $('.login-error').textContent = message;
              $('.login-error').style.display = message ? 'block' : 'none';
            }
            function show(next) {
              stage = next;
              $('#step-username').style.display = next === 'username' ? 'block' : 'none';
              $('#step-password').style.display = next === 'password' ? 'block' : 'none';
              (next === 'username' ? $('input.username-field') : $('input.password-field')).focus();
            }
            async function submitPassword() {
              await ready;
              const result = await post('/idp/default/authn/submit-challenge/basic',
                { token, rememberMe: false, challenge: { username: $('input.username-field').value, password: $('input.password-field').value } });
              token = result.token;
              if (!result.success) {
                ready = challenge();
                $('input.password-field').value = '';
                show('username');
                showError(result.message || 'Invalid username or password.');
                return;
              }
              await challenge();
              query.set('token', token);
              location.href = '/idp/default/oidc/auth?' + query.toString();
            }
            async function submit() {
              if (busy) { return; }
              if (stage === 'username') {
                if (!$('input.username-field').value.trim()) { showError('Enter your username.'); return; }
                showError('');
                $('.login-user').textContent = $('input.username-field').value;
                show('password');
                return;
              }
              busy = true;
              try { await submitPassword(); } catch (e) { showError(e.message); } finally { busy = false; }
            }
            $('.submit-button').onclick = submit;
            document.addEventListener('keydown', e => { if (e.key === 'Enter') { submit(); } });
          </script>
        </body>
        </html>
        """;
}
