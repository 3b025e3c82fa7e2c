// The recorder's eyes in the page (perspective.record): reports each trusted click, typed value, special key press to
// the binding __toolkitRecord as JSON, with the facts a locator is chosen from (RecordedTarget; LocatorChooser picks).
// A password field's value is never sent: only that it is secret.
(() => {
  if (window.__toolkitRecorderInstalled) return;
  window.__toolkitRecorderInstalled = true;
  const send = action => { try { window.__toolkitRecord(JSON.stringify(action)); } catch (e) { /* binding gone */ } };
  const norm = s => (s || '').replace(/\s+/g, ' ').trim();
  const short = s => { const t = norm(s); return t.length > 0 && t.length <= 80 ? t : null; };
  const attrEq = (name, value) => '[' + name + '="' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"]';

  const implicitRole = el => {
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple ? 'listbox' : 'combobox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'img') return 'img';
    if (tag === 'input') {
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'range') return 'slider';
      if (type === 'number') return 'spinbutton';
      if (type === 'search') return 'searchbox';
      if (['text', 'email', 'tel', 'url', 'password'].includes(type)) return type === 'password' ? null : 'textbox';
    }
    return null;
  };
  const roleOf = el => norm(el.getAttribute('role')).split(' ')[0] || implicitRole(el);
  const nameOf = el => {
    const label = el.getAttribute('aria-label');
    if (norm(label)) return norm(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const text = by.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.innerText).join(' ');
      if (norm(text)) return norm(text);
    }
    if (el.labels && el.labels.length) return norm(Array.from(el.labels).map(l => l.innerText).join(' '));
    const tag = el.tagName.toLowerCase();
    if (!['input', 'textarea', 'select'].includes(tag) && norm(el.innerText)) return norm(el.innerText);
    if (tag === 'input' && ['button', 'submit', 'reset'].includes((el.getAttribute('type') || '').toLowerCase())) return norm(el.value);
    return norm(el.getAttribute('placeholder') || el.getAttribute('title') || el.getAttribute('alt'));
  };
  const interesting = 'button, a, input, select, textarea, img, h1, h2, h3, h4, h5, h6, [role], [aria-label]';
  const countRole = (role, name) => Array.from(document.querySelectorAll(interesting))
    .filter(e => roleOf(e) === role && nameOf(e) === name).length;
  const countText = text => Array.from(document.body ? document.body.querySelectorAll('*') : [])
    .filter(e => norm(e.innerText) === text && !Array.from(e.children).some(c => norm(c.innerText) === text)).length;
  const cssOf = el => {
    if (el === document.body || el === document.documentElement) return 'body';
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id) && !/\d{3,}/.test(el.id) && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1)
      return '#' + CSS.escape(el.id);
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const tag = e.tagName.toLowerCase();
      const same = e.parentElement ? Array.from(e.parentElement.children).filter(c => c.tagName === e.tagName) : [e];
      parts.unshift(same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(e) + 1) + ')' : tag);
    }
    return 'body > ' + parts.join(' > ');
  };
  const editable = el => el.isContentEditable || el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && !['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'range', 'color', 'file'].includes((el.type || '').toLowerCase()));

  const describe = el => {
    const component = el.closest('[data-component-path]');
    const path = component ? component.getAttribute('data-component-path') : null;
    const tag = el.tagName.toLowerCase();
    const role = roleOf(el);
    const name = role ? nameOf(el) : '';
    const text = short(el.innerText);
    return {
      componentPath: path,
      componentPathCount: path ? document.querySelectorAll(attrEq('data-component-path', path)).length : 0,
      component: component ? component.getAttribute('data-component') : null,
      isComponent: component === el,
      innerTag: component && component !== el ? tag : null,
      innerTagCount: component && component !== el ? component.querySelectorAll(tag).length : 0,
      role: role || null,
      name: name || null,
      roleCount: role && name ? countRole(role, name) : 0,
      text: text,
      textCount: text ? countText(text) : 0,
      css: cssOf(el),
      editable: editable(el),
      inputType: tag === 'input' ? (el.type || 'text').toLowerCase() : null,
      fieldHint: norm([el.getAttribute('autocomplete'), el.getAttribute('name'), el.id, nameOf(el)].filter(Boolean).join(' ')) || null,
    };
  };
  const clickable = 'button, a[href], input, select, textarea, label, [role], [data-component-path], [onclick], [tabindex]';

  document.addEventListener('click', e => {
    if (!e.isTrusted || !(e.target instanceof Element)) return;
    const el = e.target.closest(clickable) || e.target;
    send({ kind: 'click', target: describe(el) });
  }, true);

  document.addEventListener('input', e => {
    const el = e.target;
    if (!e.isTrusted || !(el instanceof Element) || !editable(el)) return;
    const secret = el.tagName === 'INPUT' && (el.type || '').toLowerCase() === 'password';
    send({ kind: 'fill', target: describe(el), secret: secret, value: secret ? null : (el.isContentEditable ? el.innerText : el.value) });
  }, true);

  const special = new Set(['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End',
    'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12']);
  document.addEventListener('keydown', e => {
    if (!e.isTrusted || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) return;
    const el = e.target instanceof Element ? e.target : null;
    const inField = el && editable(el);
    const chord = e.ctrlKey || e.metaKey || e.altKey;
    let key = null;
    if (chord) key = [e.ctrlKey && 'Control', e.altKey && 'Alt', e.metaKey && 'Meta', e.shiftKey && 'Shift'].filter(Boolean).join('+') + '+' + e.key;
    else if (special.has(e.key) || (!inField && (e.key === 'Backspace' || e.key === 'Delete'))) key = e.key;
    if (key) send({ kind: 'press', key: key, target: el && el !== document.body ? describe(el) : null });
  }, true);
})();
