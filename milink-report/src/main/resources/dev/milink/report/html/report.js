// SPDX-License-Identifier: Apache-2.0
// The filter box: words must all appear in a finding's text (status, check id, title, target, message). Findings
// that do not match are hidden, and so are instances (matrix rows, detail cards) and checks (matrix columns)
// left without a shown finding. "#q=words" in the address pre-fills the filter; "#f-N" opens that finding.
(function () {
  'use strict';
  var filter = document.getElementById('filter');
  var problemsOnly = document.getElementById('problems-only');
  var shown = document.getElementById('shown');
  var findings = Array.prototype.slice.call(document.querySelectorAll('details.finding'));
  var quiet = { PASS: true, SKIPPED: true };

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var instances = {}, checks = {}, count = 0;
    findings.forEach(function (f) {
      var text = f.getAttribute('data-search');
      var visible = words.every(function (w) { return text.indexOf(w) >= 0; })
        && !(problemsOnly.checked && quiet[f.getAttribute('data-status')]);
      f.classList.toggle('hidden', !visible);
      if (visible) {
        count++;
        instances[f.getAttribute('data-instance')] = true;
        checks[f.getAttribute('data-check')] = true;
      }
    });
    document.querySelectorAll('[data-instance]:not(details)').forEach(function (el) {
      el.classList.toggle('hidden', !instances[el.getAttribute('data-instance')]);
    });
    document.querySelectorAll('[data-col]').forEach(function (el) {
      el.classList.toggle('hidden', !checks[el.getAttribute('data-col')]);
    });
    shown.textContent = 'Showing ' + count + ' of ' + findings.length + ' findings';
  }

  function openFromHash() {
    var hash = location.hash.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch (e) {
      // A malformed %-escape: use the fragment as typed.
    }
    if (hash.indexOf('q=') === 0) {
      filter.value = hash.slice(2);
    } else if (hash) {
      var target = document.getElementById(hash);
      if (target && target.tagName === 'DETAILS') {
        target.open = true;
      }
    }
    apply();
  }

  filter.addEventListener('input', apply);
  problemsOnly.addEventListener('change', apply);
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
}());
