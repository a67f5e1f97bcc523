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
    // The header's language link on a page with a form: press the form's own switch at once,
    // so the answers come along (without a script the link leads to that button).
    'lang-anchor': (link) => {
      link.addEventListener('click', (event) => {
        var button = document.getElementById('taal-wissel');
        if (!button) return;
        event.preventDefault();
        button.click();
      });
    },
    // Ask before a destructive action; the form still works without the question.
    confirm: (el) => {
      el.addEventListener('submit', (event) => {
        if (!window.confirm(el.getAttribute('data-confirm') || '')) event.preventDefault();
      });
    },
  };
  document.querySelectorAll('[data-module]').forEach((el) => {
    var start = modules[el.getAttribute('data-module')];
    if (start) start(el);
  });
})();
