/**
 * The google.script.run shim of the local page: the text of one inline script inserted at the top
 * of dist/sidebar.html, so the sidebar's own code finds `google.script.run` and
 * `google.script.host` as it does in Google Sheets. Each server call becomes a POST to /api/run
 * with the page's token (read from its `<meta name="banzhuren-token">`); its answer goes to the
 * success or failure handler, asynchronously, with the user object; after every call the shim tells
 * the host page (same origin) so its table refreshes. Only the bundle's public globals are offered:
 * any other name is `undefined`, as on Google.
 */

/** The script text (without `<script>` tags) offering `names` as server functions. */
export function shimScript(names: readonly string[]): string {
  // JSON of plain identifiers: nothing in it can close the script element.
  const list = JSON.stringify(names.filter((name) => /^[A-Za-z$][\w$]*$/.test(name) && !name.endsWith('_')));
  return `
(function () {
  'use strict';
  var NAMES = ${list};
  var meta = document.querySelector('meta[name="banzhuren-token"]');
  var token = meta ? meta.getAttribute('content') : '';
  function tellParent() {
    try {
      if (window.parent && window.parent !== window) window.parent.postMessage({ type: 'banzhuren-ran' }, window.location.origin);
    } catch (ignored) { /* no parent page */ }
  }
  function fail(handler, userObject, name, message) {
    var error = new Error(message);
    error.name = name;
    if (handler) handler(error, userObject);
    else if (window.console) window.console.error('google.script.run: ' + message);
  }
  function call(name, args, success, failure, userObject) {
    var body;
    try {
      body = JSON.stringify({ name: name, args: args });
    } catch (error) {
      setTimeout(function () { fail(failure, userObject, 'TypeError', '参数无法传给服务器：' + error.message); }, 0);
      return;
    }
    fetch('/api/run', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Banzhuren-Token': token },
      body: body
    }).then(function (response) {
      return response.text().then(function (text) {
        var answer;
        try { answer = JSON.parse(text); } catch (ignored) { answer = null; }
        if (!answer || typeof answer !== 'object') return { ok: false, error: { name: 'Error', message: '本机服务没有回答（HTTP ' + response.status + '）' } };
        if (!response.ok && answer.ok !== false) return { ok: false, error: { name: 'Error', message: 'HTTP ' + response.status } };
        return answer;
      });
    }, function () {
      return { ok: false, error: { name: 'NetworkError', message: '无法连接本机服务：banzhuren sidebar 是否已停止？' } };
    }).then(function (answer) {
      tellParent();
      if (answer.ok) {
        if (success) success(answer.value, userObject);
      } else {
        var error = answer.error || {};
        fail(failure, userObject, String(error.name || 'Error'), String(error.message || '服务器出错'));
      }
    });
  }
  function runner(success, failure, userObject) {
    var run = {
      withSuccessHandler: function (handler) { return runner(handler, failure, userObject); },
      withFailureHandler: function (handler) { return runner(success, handler, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); }
    };
    NAMES.forEach(function (name) {
      run[name] = function () {
        call(name, Array.prototype.slice.call(arguments), success, failure, userObject);
      };
    });
    return run;
  }
  var host = {
    close: function () {
      try {
        if (window.parent && window.parent !== window) window.parent.postMessage({ type: 'banzhuren-close' }, window.location.origin);
      } catch (ignored) { /* no parent page */ }
    },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
  window.google = { script: { run: runner(null, null, undefined), host: host } };
})();
`;
}

/** dist/sidebar.html with the token's meta and the shim inserted right after `<head>`. */
export function withShim(page: string, token: string, names: readonly string[]): string {
  const head = /<head(\s[^>]*)?>/i.exec(page);
  if (!head) throw new Error('dist/sidebar.html 中没有 <head>：请重新运行 npm run build');
  const at = head.index + head[0].length;
  const inserted = `\n<meta name="banzhuren-token" content="${token}">\n<script>${shimScript(names)}</script>`;
  return page.slice(0, at) + inserted + page.slice(at);
}
