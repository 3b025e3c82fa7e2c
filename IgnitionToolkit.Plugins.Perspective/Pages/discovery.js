// perspective.discover_page: the interactive components under a root, in the page and in open shadow roots.
// Evaluated as a function of { root, types, exclude }; returns { error } or { components }.
({ root, types, exclude }) => {
  const start = document.querySelector(root);
  if (!start) return { error: 'root not found' };
  const roles = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option', 'combobox', 'textbox', 'slider', 'spinbutton', 'listbox'];
  const tags = ['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'DETAILS', 'SUMMARY'];
  const clean = t => (t || '').replace(/\s+/g, ' ').trim().slice(0, 200);
  const esc = v => (window.CSS && CSS.escape) ? CSS.escape(v) : v.replace(/[^\w-]/g, c => '\\' + c);
  const attr = (e, n) => e.getAttribute(n);
  const hostOf = e => { const r = e.getRootNode(); return r instanceof ShadowRoot ? r.host : null; };
  const parentOf = e => e.parentElement || hostOf(e);

  const interactive = e =>
    tags.includes(e.tagName) && !(e.tagName === 'A' && !e.hasAttribute('href')) ||
    roles.includes(attr(e, 'role')) || e.hasAttribute('onclick') ||
    e.hasAttribute('data-component-path') || e.hasAttribute('data-component-id') ||
    /\bia_(button|dropdown|toggle)/.test(e.className && e.className.baseVal === undefined ? e.className : '');

  const typeOf = e => {
    const comp = (attr(e, 'data-component') || '').toLowerCase();
    const cls = typeof e.className === 'string' ? e.className : '';
    const role = attr(e, 'role');
    if (e.tagName === 'BUTTON' || role === 'button' || /ia_button/.test(cls) || comp.endsWith('.button')) return 'button';
    if (e.tagName === 'SELECT' || role === 'combobox' || role === 'listbox' || /ia_dropdown/.test(cls) || comp.includes('dropdown')) return 'dropdown';
    if (role === 'switch' || role === 'checkbox' || /ia_toggle/.test(cls) || comp.includes('toggle') || comp.includes('checkbox')) return 'toggle';
    if (e.tagName === 'A' || role === 'link') return 'link';
    if (e.tagName === 'TEXTAREA') return 'textarea';
    if (e.tagName === 'INPUT') return (attr(e, 'type') || 'text').toLowerCase();
    if (comp.startsWith('ia.input')) return 'input';
    if (role) return 'role';
    if (comp.startsWith('ia.container')) return 'container';
    if (comp.startsWith('ia.display')) return 'display';
    return 'unknown';
  };

  // CSS path within the element's own tree, prefixed by its shadow hosts' paths (Playwright's CSS pierces open shadow roots).
  const cssPath = e => {
    const parts = [];
    for (let n = e; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      if (n.id) { parts.unshift('#' + esc(n.id)); break; }
      const same = n.parentNode ? [...n.parentNode.children].filter(s => s.tagName === n.tagName) : [];
      parts.unshift(n.tagName.toLowerCase() + (same.length > 1 ? ':nth-of-type(' + (same.indexOf(n) + 1) + ')' : ''));
    }
    const own = parts.join(' > ');
    const host = hostOf(e);
    return host ? cssPath(host) + ' ' + own : own;
  };
  const xpath = e => {
    const parts = [];
    for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
      const same = n.parentNode ? [...n.parentNode.children].filter(s => s.tagName === n.tagName) : [];
      parts.unshift(n.tagName.toLowerCase() + (same.length > 1 ? '[' + (same.indexOf(n) + 1) + ']' : ''));
    }
    return (hostOf(e) ? '(shadow)/' : '/') + parts.join('/');
  };
  const selectorOf = e => {
    if (e.id) return '#' + esc(e.id);
    for (const a of ['data-component-path', 'data-component-id', 'name'])
      if (e.hasAttribute(a)) return '[' + a + '="' + attr(e, a).replace(/"/g, '\\"') + '"]';
    return cssPath(e);
  };
  const pathOf = e => { for (let n = e; n; n = parentOf(n)) if (n.hasAttribute && n.hasAttribute('data-component-path')) return attr(n, 'data-component-path'); return null; };
  const labelOf = e => {
    const by = attr(e, 'aria-labelledby');
    const labelled = by && by.split(' ').map(id => e.getRootNode().getElementById ? e.getRootNode().getElementById(id) : null).filter(Boolean).map(l => l.textContent).join(' ');
    const forLabel = e.id && e.getRootNode().querySelector ? e.getRootNode().querySelector('label[for="' + esc(e.id) + '"]') : null;
    return clean(attr(e, 'aria-label') || labelled || (forLabel && forLabel.textContent) || (e.labels && e.labels[0] && e.labels[0].textContent)
      || e.innerText || attr(e, 'title') || attr(e, 'placeholder') || (e.tagName === 'INPUT' ? e.value : ''));
  };
  const excluded = e => exclude.some(s => { try { for (let n = e; n; n = parentOf(n)) if (n.matches && n.matches(s)) return true; } catch (x) { } return false; });

  const found = [];
  const seen = new Set();
  const visit = node => {
    for (const e of node.querySelectorAll('*')) {
      if (e.shadowRoot) visit(e.shadowRoot);
      if (seen.has(e) || !interactive(e) || excluded(e)) continue;
      seen.add(e);
      const type = typeOf(e);
      if (types.length && !types.includes(type)) continue;
      const r = e.getBoundingClientRect();
      const data = {};
      for (const a of e.attributes) if (a.name.startsWith('data-')) data[a.name] = a.value;
      found.push({
        id: e.id || null, index: found.length, type, tagName: e.tagName.toLowerCase(),
        className: typeof e.className === 'string' ? e.className : '', componentType: attr(e, 'data-component'),
        selector: selectorOf(e), cssPath: cssPath(e), xpath: xpath(e), inShadowRoot: !!hostOf(e),
        text: clean(e.textContent), label: labelOf(e), placeholder: attr(e, 'placeholder'), title: attr(e, 'title'), ariaLabel: attr(e, 'aria-label'),
        position: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) },
        visible: e.checkVisibility ? e.checkVisibility() : r.width > 0,
        disabled: !!e.disabled || attr(e, 'aria-disabled') === 'true' || e.hasAttribute('disabled'),
        readonly: !!e.readOnly || attr(e, 'aria-readonly') === 'true',
        componentPath: pathOf(e), componentId: attr(e, 'data-component-id'), dataAttributes: data,
      });
    }
  };
  if (start.shadowRoot) visit(start.shadowRoot);
  visit(start);
  found.forEach((c, i) => { c.index = i; if (!c.id) c.id = 'component-' + i; });
  return { components: found };
}
