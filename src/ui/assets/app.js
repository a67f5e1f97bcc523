// Small enhancements only; every page works without this script.
(function () {
  'use strict';
  var modules = {
    // Move focus to the error summary so screen readers announce it first.
    'error-summary': function (el) {
      var title = el.querySelector('[tabindex="-1"]');
      if (title) title.focus();
    },
    // Ask before a destructive action; the form still works without the question.
    confirm: function (el) {
      el.addEventListener('submit', function (event) {
        if (!window.confirm(el.getAttribute('data-confirm') || '')) event.preventDefault();
      });
    },
  };
  document.querySelectorAll('[data-module]').forEach(function (el) {
    var start = modules[el.getAttribute('data-module')];
    if (start) start(el);
  });
})();
