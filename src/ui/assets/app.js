// Small enhancements only; every page works without this script.
(() => {
  var modules = {
    // Move focus to the error summary so screen readers announce it first.
    'error-summary': (el) => {
      var title = el.querySelector('[tabindex="-1"]');
      if (title) title.focus();
    },
    // After a save: focus on the message that says what happened (its heading, or the box),
    // unless the page shows errors; then the error summary comes first.
    notice: (el) => {
      if (document.querySelector('[data-module="error-summary"]')) return;
      if (document.activeElement?.closest?.('[data-module="notice"]')) return;
      var target = el.getAttribute('tabindex') === '-1' ? el : el.querySelector('[tabindex="-1"]');
      if (target) target.focus();
    },
    // The menu is a <details> that CSS shows open on wide screens. A browser without
    // ::details-content cannot do that: open it here on a wide screen instead.
    'nav-menu': (el) => {
      if (!window.matchMedia || (window.CSS && CSS.supports?.('selector(::details-content)'))) return;
      var wide = window.matchMedia('(min-width: 48em)');
      var sync = () => {
        el.classList.toggle('rw-nav__menu--wide', wide.matches);
        if (wide.matches) el.open = true;
      };
      sync();
      if (wide.addEventListener) wide.addEventListener('change', sync);
      else if (wide.addListener) wide.addListener(sync);
    },
    // Switching language reloads the page: take what was typed along (issue 9, part 6). The
    // answers wait in this tab's sessionStorage and are put back, then removed, on the next page
    // if it is the same address. Passwords, files and hidden fields are never kept.
    'keep-answers': (link) => {
      link.addEventListener('click', () => {
        var forms = [];
        document.querySelectorAll('main form').forEach((form) => {
          var values = [];
          Array.prototype.forEach.call(form.elements, (el) => {
            if (!el.name || /^(hidden|password|file|submit|button)$/.test(el.type)) return;
            values.push(el.type === 'checkbox' || el.type === 'radio' ? [el.name, el.value, el.checked] : [el.name, el.value]);
          });
          forms.push(values);
        });
        try {
          sessionStorage.setItem(KEPT, JSON.stringify({ path: location.pathname, forms: forms }));
        } catch (_) {}
      });
    },
    // Ask before a destructive action; the form still works without the question.
    confirm: (el) => {
      el.addEventListener('submit', (event) => {
        if (!window.confirm(el.getAttribute('data-confirm') || '')) event.preventDefault();
      });
    },
  };
  const KEPT = 'raadwerk-kept-answers';
  // The answers taken along by 'keep-answers', back in their fields (per form, in order).
  const restoreKeptAnswers = () => {
    const kept = JSON.parse(sessionStorage.getItem(KEPT) || 'null');
    sessionStorage.removeItem(KEPT);
    if (!kept || kept.path !== location.pathname) return;
    document.querySelectorAll('main form').forEach((form, i) => {
      const seen = {};
      (kept.forms[i] || []).forEach(([name, value, checked]) => {
        const fields = Array.prototype.filter.call(form.elements, (el) => el.name === name);
        if (checked !== undefined) {
          for (const el of fields) if (el.value === value) el.checked = checked;
          return;
        }
        seen[name] = (seen[name] || 0) + 1;
        const field = fields[seen[name] - 1];
        if (field) field.value = value;
      });
    });
  };
  try {
    restoreKeptAnswers();
  } catch (_) {}
  document.querySelectorAll('[data-module]').forEach((el) => {
    var start = modules[el.getAttribute('data-module')];
    if (start) start(el);
  });
})();
