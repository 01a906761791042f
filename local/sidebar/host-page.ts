/**
 * The local page's host page (GET /): a heading naming the file, the user and today; a read-only
 * banner of offline notices (no --as, the file open in Excel/WPS, reminders that need banzhuren
 * tick); a read-only table of the nomination sheet whose row clicks stand in for the sheet's
 * selection (click selects, Ctrl/⌘-click toggles, Shift-click a range from the anchor keeping
 * earlier rows, Enter/Space on a focused row selects it, arrows move);
 * and beside it the sidebar in a 300-pixel iframe. The page's HTML holds no data: its script fetches
 * /api/table and sets every text with textContent, re-reading after each sidebar call and every 2 s
 * while the page is visible.
 */

/**
 * How a click changes the table's selection, as Google Sheets does with ranges: a click selects one
 * row and sets the anchor; Ctrl/⌘-click toggles a row, keeping the others, and sets the anchor;
 * Shift-click selects from the anchor to the row, keeping the rows selected before the anchor was
 * set (earlier Ctrl-clicked rows). `state` is { selected, anchor, base }; answers the next state.
 */
export const SELECTION_SCRIPT = `
function nextSelection(state, row, keys, shown) {
  function union(a, b) {
    var all = a.slice();
    b.forEach(function (r) { if (all.indexOf(r) < 0) all.push(r); });
    return all.sort(function (x, y) { return x - y; });
  }
  if (keys.shift && state.anchor !== null && shown.indexOf(state.anchor) >= 0 && shown.indexOf(row) >= 0) {
    var from = shown.indexOf(state.anchor);
    var to = shown.indexOf(row);
    var range = shown.slice(Math.min(from, to), Math.max(from, to) + 1);
    return { selected: union(state.base, range), anchor: state.anchor, base: state.base };
  }
  if (keys.toggle) {
    var others = state.selected.filter(function (r) { return r !== row; });
    var on = state.selected.indexOf(row) < 0;
    return { selected: on ? union(others, [row]) : others, anchor: row, base: others };
  }
  return { selected: [row], anchor: row, base: [] };
}
`;

/** The host page's script (inline; allowed by its hash). */
export const HOST_SCRIPT = `
(function () {
  'use strict';
${SELECTION_SCRIPT}
  var token = document.querySelector('meta[name="banzhuren-token"]').getAttribute('content');
  var table = document.getElementById('nomination-table');
  var caption = table.querySelector('caption');
  var head = table.querySelector('thead');
  var body = table.querySelector('tbody');
  var status = document.getElementById('table-status');
  var title = document.getElementById('book-title');
  var who = document.getElementById('book-user');
  var frame = document.getElementById('sidebar-frame');
  var closed = document.getElementById('sidebar-closed');
  var lastText = '';
  var rowsShown = [];
  var selected = [];
  var anchor = null;
  var base = [];
  var loading = false;
  var notices = document.getElementById('page-notices');

  function showNotices(lines) {
    notices.textContent = '';
    (lines || []).forEach(function (line) {
      var item = document.createElement('li');
      item.textContent = line;
      notices.appendChild(item);
    });
    notices.hidden = notices.childElementCount === 0;
  }

  function api(path, payload) {
    var init = { credentials: 'same-origin', headers: { 'X-Banzhuren-Token': token } };
    if (payload !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return fetch(path, init).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer && answer.error ? answer.error.message : 'HTTP ' + response.status);
        return answer;
      });
    });
  }

  function markSelected() {
    var rows = body.querySelectorAll('tr[data-row]');
    for (var i = 0; i < rows.length; i += 1) {
      var on = selected.indexOf(Number(rows[i].getAttribute('data-row'))) >= 0;
      rows[i].setAttribute('aria-selected', on ? 'true' : 'false');
    }
  }

  function render(view) {
    title.textContent = '班主任评选助手（本机）：' + view.file;
    who.textContent = '操作人：' + (view.user || '未指定（没有 --as，移动等操作会被拒绝）') + ' · 今天：' + view.today;
    caption.textContent = view.sheetName ? '工作表“' + view.sheetName + '”（只读；点选行即选中表格中的行）' : '没有找到推荐名单工作表';
    var focused = document.activeElement && document.activeElement.getAttribute ? document.activeElement.getAttribute('data-row') : null;
    head.textContent = '';
    var headRow = document.createElement('tr');
    var corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = '行';
    headRow.appendChild(corner);
    view.header.forEach(function (text) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    body.textContent = '';
    rowsShown = view.rows.map(function (row) { return row.row; });
    view.rows.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-row', String(row.row));
      tr.tabIndex = 0;
      tr.setAttribute('aria-selected', 'false');
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(row.row);
      tr.appendChild(th);
      for (var c = 0; c < view.header.length || c < row.cells.length; c += 1) {
        var td = document.createElement('td');
        td.textContent = row.cells[c] === undefined ? '' : row.cells[c];
        tr.appendChild(td);
      }
      body.appendChild(tr);
    });
    selected = view.selected.slice();
    markSelected();
    if (focused) {
      var again = body.querySelector('tr[data-row="' + Number(focused) + '"]');
      if (again) again.focus();
    }
  }

  function load() {
    if (loading) return;
    loading = true;
    api('/api/table').then(function (view) {
      status.textContent = view.rows.length === 0 ? '表中没有数据行' : '';
      showNotices(view.notices);
      var text = JSON.stringify(view);
      if (text !== lastText) {
        lastText = text;
        render(view);
      }
    }, function (error) {
      status.textContent = '读取表格失败：' + error.message;
    }).then(function () { loading = false; });
  }

  function choose(rows) {
    selected = rows;
    markSelected();
    api('/api/select', { rows: rows }).then(function (answer) {
      selected = answer.selected;
      markSelected();
      status.textContent = selected.length === 0 ? '' : '已选中第 ' + selected.join('、') + ' 行';
    }, function (error) {
      status.textContent = '选择失败：' + error.message;
    });
  }

  function pick(tr, event) {
    var next = nextSelection({ selected: selected, anchor: anchor, base: base }, Number(tr.getAttribute('data-row')), { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }, rowsShown);
    anchor = next.anchor;
    base = next.base;
    choose(next.selected);
  }

  body.addEventListener('click', function (event) {
    var tr = event.target.closest ? event.target.closest('tr[data-row]') : null;
    if (tr) pick(tr, event);
  });
  body.addEventListener('keydown', function (event) {
    var tr = event.target.closest ? event.target.closest('tr[data-row]') : null;
    if (!tr) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(tr, event);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var next = event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data) return;
    if (event.data.type === 'banzhuren-ran') load();
    if (event.data.type === 'banzhuren-close') {
      frame.hidden = true;
      closed.hidden = false;
    }
  });
  document.getElementById('sidebar-reopen').addEventListener('click', function () {
    closed.hidden = true;
    frame.hidden = false;
    frame.src = '/sidebar';
  });
  setInterval(function () {
    if (document.visibilityState === 'visible') load();
  }, 2000);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') load();
  });
  load();
})();
`;

/** The host page's style (inline; allowed by its hash). */
const HOST_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font-family: system-ui, "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 14px; display: flex; flex-direction: column; }
header { padding: 8px 12px; border-bottom: 1px solid #ccc; }
h1 { font-size: 18px; margin: 0 0 4px; overflow-wrap: anywhere; }
header p { margin: 0; color: #444; overflow-wrap: anywhere; }
#page-notices { margin: 6px 0 0; padding: 6px 10px 6px 28px; background: #fff4ce; border: 1px solid #e0b400; color: #3d3000; overflow-wrap: anywhere; }
#page-notices[hidden] { display: none; }
main { flex: 1; display: flex; min-height: 0; }
/* No top padding and a shadow for the header's top line: a sticky header sticks at the padding edge and a
   collapsed border does not stick, so rows scrolled through the gap or the border showed above the header. */
#table-area { flex: 1; overflow: auto; min-width: 0; padding: 0 8px 8px; }
#table-status { min-height: 1.4em; margin: 8px 0 4px; color: #444; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ccc; padding: 2px 6px; white-space: nowrap; max-width: 16em; overflow: hidden; text-overflow: ellipsis; text-align: left; }
thead th { position: sticky; top: 0; z-index: 1; border-top: 0; background: #f3f3f3; box-shadow: inset 0 1px #ccc, inset 0 -1px #ccc; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #f0f6ff; }
tbody tr[aria-selected="true"] { background: #cfe3ff; }
tbody tr:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
#sidebar-area { flex: 0 0 300px; width: 300px; border-left: 1px solid #ccc; display: flex; flex-direction: column; }
#sidebar-frame { width: 300px; flex: 1; border: 0; display: block; }
#sidebar-frame[hidden] { display: none; }
#sidebar-closed { padding: 12px; }
`;

/** The host page's HTML for this server start's token. */
export function hostPage(token: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="banzhuren-token" content="${token}">
<title>班主任评选助手（本机）</title>
<style>${HOST_STYLE}</style>
</head>
<body>
<header>
<h1 id="book-title">班主任评选助手（本机）</h1>
<p id="book-user"></p>
<ul id="page-notices" role="status" aria-label="提示" hidden></ul>
</header>
<main>
<section id="table-area" aria-label="推荐名单">
<p id="table-status" role="status" aria-live="polite">正在读取表格……</p>
<table id="nomination-table">
<caption></caption>
<thead></thead>
<tbody></tbody>
</table>
</section>
<aside id="sidebar-area" aria-label="助手">
<iframe id="sidebar-frame" title="班主任评选助手" src="/sidebar" width="300"></iframe>
<div id="sidebar-closed" hidden><p>助手已关闭。</p><button type="button" id="sidebar-reopen">重新打开助手</button></div>
</aside>
</main>
<script>${HOST_SCRIPT}</script>
</body>
</html>
`;
}
