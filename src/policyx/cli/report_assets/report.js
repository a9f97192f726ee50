/* policyx report: charts (Chart.js, embedded above), sortable and filterable tables.
   Everything is drawn from the JSON embedded in #report-data; nothing is fetched. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var charts = {};
  var FONT = getComputedStyle(document.body).fontFamily;
  var COLOURS = { leads: "#2f5d8a", participates: "#7fa7cf", implements: "#c9d7e6", by: "#2f5d8a", from: "#5fa37a",
    recurring: "#d9a441", ongoing: "#9b7fc2", "no deadline": "#b7bec8", stricter: "#1f7a4d", earlier: "#4c9c74",
    looser: "#b23a2e", later: "#d0675c", same: "#8a96a5", incomparable: "#9a6b00" };
  Chart.defaults.font.family = FONT;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  function byId(id) { return document.getElementById(id); }
  function toggle(buttons, value, attribute) {
    buttons.forEach(function (b) { b.classList.toggle("on", b.getAttribute(attribute) === value); });
  }

  /* -- deadlines: by quarter or year, then the undated kinds -------------------------------- */
  function timelineConfig(mode) {
    var t = data.timeline, keys = [], by = {}, from = {};
    t.quarters.forEach(function (q, i) {
      var key = mode === "year" ? q.slice(0, 4) : q;
      if (!(key in by)) { keys.push(key); by[key] = 0; from[key] = 0; }
      by[key] += t.by[i]; from[key] += t.from[i];
    });
    var undated = Object.keys(t.undated).filter(function (k) { return t.undated[k] > 0; });
    var labels = keys.concat(undated);
    function series(name, values) {
      return { label: name, backgroundColor: COLOURS[name], data: values, stack: "all", maxBarThickness: 64 };
    }
    var datasets = [
      series("by", keys.map(function (k) { return by[k]; }).concat(undated.map(function () { return 0; }))),
      series("from", keys.map(function (k) { return from[k]; }).concat(undated.map(function () { return 0; })))
    ];
    undated.forEach(function (name) {
      datasets.push(series(name, keys.map(function () { return 0; }).concat(undated.map(function (k) { return k === name ? t.undated[k] : 0; }))));
    });
    datasets.forEach(function (d) { d.label = { by: "deadline (by)", from: "start (from)" }[d.label] || d.label; });
    return { type: "bar", data: { labels: labels, datasets: datasets },
      options: { plugins: { legend: { position: "bottom" }, tooltip: { mode: "index", filter: function (i) { return i.raw > 0; } } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
          title: { display: true, text: "tasks' deadlines" } } } } };
  }

  /* -- department load: by department (as `policyx departments`) or by function ------------- */
  function loadConfig(mode) {
    var rows = mode === "function" ? data.functions : data.departments;
    var labels = rows.map(function (r) { return mode === "function" ? r.function : r.canonical; });
    function series(key, name) {
      return { label: name, backgroundColor: COLOURS[key], data: rows.map(function (r) { return r[key]; }) };
    }
    return { type: "bar", data: { labels: labels, datasets: [series("leads", "leads"), series("participates", "takes part"),
        series("implements", "carries out")] },
      options: { indexAxis: "y", plugins: { legend: { position: "top" } },
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "tasks" } },
          y: { stacked: true, ticks: { autoSkip: false } } } } };
  }

  function directionConfig() {
    var d = data.diff.directions, labels = Object.keys(d);
    return { type: "bar", data: { labels: labels, datasets: [{ label: "changes", data: labels.map(function (k) { return d[k]; }),
        backgroundColor: labels.map(function (k) { return COLOURS[k]; }), maxBarThickness: 96 }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } };
  }

  function draw(name, canvasId, config) {
    if (charts[name]) { charts[name].destroy(); }
    charts[name] = new Chart(byId(canvasId), config);
  }

  draw("timeline", "timeline-chart", timelineConfig("quarter"));
  var timelineButtons = Array.prototype.slice.call(document.querySelectorAll("[data-timeline]"));
  timelineButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var mode = b.getAttribute("data-timeline");
      toggle(timelineButtons, mode, "data-timeline");
      draw("timeline", "timeline-chart", timelineConfig(mode));
    });
  });
  draw("load", "load-chart", loadConfig("department"));
  var loadButtons = Array.prototype.slice.call(document.querySelectorAll("[data-load]"));
  loadButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var mode = b.getAttribute("data-load"), n = mode === "function" ? data.functions.length : data.departments.length;
      toggle(loadButtons, mode, "data-load");
      byId("load-box").style.height = (60 + 22 * n) + "px";
      draw("load", "load-chart", loadConfig(mode));
    });
  });
  if (data.diff) { draw("directions", "direction-chart", directionConfig()); }

  /* -- sortable tables ------------------------------------------------------------------------ */
  function idKey(text) {
    return text.split(/[.\-]/).map(function (p) { return /^\d+$/.test(p) ? ("000000" + p).slice(-6) : p; }).join(".");
  }
  function cellKey(cell, kind) {
    var text = cell.getAttribute("data-key") || cell.textContent.trim();
    if (kind === "num") { return parseFloat(text) || 0; }
    if (kind === "id") { return idKey(text); }
    return text;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.querySelectorAll("th[data-sort]");
    Array.prototype.forEach.call(heads, function (th, column) {
      th.addEventListener("click", function () {
        var kind = th.getAttribute("data-sort"), asc = !th.classList.contains("asc");
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = cellKey(x.cells[column], kind), b = cellKey(y.cells[column], kind);
          var order = typeof a === "number" ? a - b : String(a).localeCompare(String(b), "zh-CN");
          return asc ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  /* -- task filters: department (and role), section, deadline year, words ---------------------- */
  function filterTasks() {
    var dept = byId("filter-department").value, role = byId("filter-role").value, top = byId("filter-section").value;
    var year = byId("filter-year").value, words = byId("filter-text").value.trim();
    var rows = byId("task-table").tBodies[0].rows, shown = 0;
    Array.prototype.forEach.call(rows, function (r) {
      var inDept = !dept || (r.getAttribute(role ? "data-" + role : "data-departments") || "").split("|").indexOf(dept) >= 0;
      var ok = inDept && (!top || r.getAttribute("data-top") === top) &&
        (!year || r.getAttribute("data-when").split("|").indexOf(year) >= 0) &&
        (!words || r.textContent.indexOf(words) >= 0);
      r.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    byId("task-count").textContent = shown + " of " + rows.length + " tasks";
  }
  ["filter-department", "filter-role", "filter-section", "filter-year"].forEach(function (id) {
    byId(id).addEventListener("change", filterTasks);
  });
  byId("filter-text").addEventListener("input", filterTasks);

  /* -- diff pairs: only changed, by field, by direction ---------------------------------------- */
  function filterPairs() {
    var changed = byId("filter-changed").checked, field = byId("filter-field").value, direction = byId("filter-direction").value;
    var rows = byId("diff-matched").tBodies[0].rows, shown = 0;
    Array.prototype.forEach.call(rows, function (r) {
      var fields = (r.getAttribute("data-changed") || "").split("|").filter(Boolean);
      var directions = (r.getAttribute("data-directions") || "").split("|").filter(Boolean);
      var ok = (!changed || fields.length > 0) && (!field || fields.indexOf(field) >= 0) &&
        (!direction || directions.indexOf(direction) >= 0);
      r.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    byId("pair-count").textContent = shown + " of " + rows.length + " pairs";
  }
  if (data.diff) {
    ["filter-changed", "filter-field", "filter-direction"].forEach(function (id) { byId(id).addEventListener("change", filterPairs); });
  }

  window.policyxReport = { data: data, charts: charts, filterTasks: filterTasks };
})();
