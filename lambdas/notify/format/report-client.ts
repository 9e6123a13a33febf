import { CHART_DATA_ID } from './report-charts.js';

/**
 * The report's only script of its own, inlined after uPlot. Plain ES2019 in a string because it runs in the
 * reader's browser, not in Node; the browser test (test/notify/format/report-browser.test.ts) is what checks it.
 *
 * Charts: reads the JSON block written by ReportCharts and draws each placeholder figure with uPlot — at load for
 * figures that are visible (not inside a closed <details>), and when a panel is opened for the rest, so a report
 * with hundreds of charts opens quickly. "Open all evidence" and printing draw everything. Times are shown in UTC.
 *
 * Sorting: a click on a header button of table.sortable sorts its rows by that column (numbers by data-value, text
 * with a collator), ties kept in rank order; the first click goes in the column's data-first direction, the next
 * reverses. aria-sort marks the sorted column and a live region announces the order. Long tables show their first
 * data-page-rows rows of the current order until "Show all" is pressed.
 */
export const REPORT_CLIENT_JS = `(function () {
  'use strict';
  var dataElement = document.getElementById(${JSON.stringify(CHART_DATA_ID)});
  var charts = dataElement ? JSON.parse(dataElement.textContent).charts : [];
  var plots = {};
  var HEIGHT = 220;
  var numberFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

  function constant(length, value) {
    var values = new Array(length);
    for (var i = 0; i < length; i += 1) values[i] = value;
    return values;
  }

  function withAlpha(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function showValue(u, value) {
    return value == null ? '–' : numberFormat.format(value);
  }

  function plotOptions(chart, width) {
    var n = chart.x.length;
    var series = [{ label: 'time (UTC)' }];
    var data = [chart.x];
    var bands = [];
    // The band first, so the lines are drawn over its fill.
    if (chart.band) {
      var upper = series.length;
      series.push({ label: chart.band.label + ' (upper)', stroke: withAlpha(chart.band.colour, 0.9), width: 1, points: { show: false }, value: showValue });
      data.push(chart.band.upper);
      series.push({ label: chart.band.label + ' (lower)', stroke: withAlpha(chart.band.colour, 0.9), width: 1, points: { show: false }, value: showValue });
      data.push(chart.band.lower);
      bands.push({ series: [upper, upper + 1], fill: withAlpha(chart.band.colour, 0.35) });
    }
    chart.lines.forEach(function (line) {
      series.push({ label: line.label, stroke: line.colour, width: 1.5, points: { show: false }, value: showValue });
      data.push(line.values);
    });
    chart.rules.forEach(function (rule) {
      series.push({ label: rule.label + ' ' + numberFormat.format(rule.value), stroke: rule.colour, width: 1, dash: [5, 4], points: { show: false }, value: showValue });
      data.push(constant(n, rule.value));
    });
    if (chart.marker) {
      var marked = constant(n, null);
      marked[chart.marker.index] = chart.marker.value;
      series.push({ label: chart.marker.label, stroke: chart.marker.colour, width: 0, points: { show: true, size: 9, width: 2, stroke: chart.marker.colour, fill: chart.marker.colour }, value: showValue });
      data.push(marked);
    }
    return {
      options: {
        width: width,
        height: HEIGHT,
        series: series,
        bands: bands,
        scales: { x: { time: true } },
        axes: [{}, { label: chart.unit || undefined, size: 60, values: function (u, ticks) { return ticks.map(function (tick) { return numberFormat.format(tick); }); } }],
        tzDate: function (seconds) { return uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'); },
      },
      data: data,
    };
  }

  function widthOf(figure) {
    return Math.max(280, Math.floor(figure.clientWidth || 600));
  }

  function draw(figure, width) {
    var id = figure.getAttribute('data-chart');
    try {
      var built = plotOptions(charts[id], width);
      plots[id] = new uPlot(built.options, built.data, figure);
      figure.setAttribute('data-drawn', 'true');
    } catch (error) {
      figure.textContent = 'This chart could not be drawn: ' + error.message;
      console.error('headroom report: chart ' + id + ' failed', error);
    }
  }

  /**
   * Draws the undrawn charts under root that are not inside a closed panel. All widths are read before any chart
   * is added: reading one after adding another would force a layout of the whole page per chart.
   */
  function drawVisible(root) {
    var figures = root.querySelectorAll('figure.chart[data-chart]');
    var pending = [];
    for (var i = 0; i < figures.length; i += 1) {
      var id = figures[i].getAttribute('data-chart');
      if (!plots[id] && charts[id] && !figures[i].closest('details:not([open])')) pending.push(figures[i]);
    }
    var widths = pending.map(widthOf);
    pending.forEach(function (figure, index) { draw(figure, widths[index]); });
  }

  function openAll() {
    var panels = document.querySelectorAll('details.evidence');
    for (var i = 0; i < panels.length; i += 1) panels[i].open = true;
    drawVisible(document);
  }

  document.addEventListener('toggle', function (event) {
    if (event.target.open) drawVisible(event.target);
  }, true);
  window.addEventListener('beforeprint', openAll);
  var openButton = document.getElementById('open-all-evidence');
  if (openButton) openButton.addEventListener('click', openAll);

  var resizeQueued = false;
  window.addEventListener('resize', function () {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(function () {
      resizeQueued = false;
      Object.keys(plots).forEach(function (id) {
        var figure = document.querySelector('figure.chart[data-chart="' + id + '"]');
        var width = widthOf(figure);
        if (Math.abs(width - plots[id].width) > 1) plots[id].setSize({ width: width, height: HEIGHT });
      });
    });
  });

  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  /**
   * Every row of each sortable table, in the current order. Rows past a table's data-page-rows are taken out of
   * the document (not just hidden): the browser then styles and lays out 500 rows after a sort, not 10,000.
   */
  var tableRows = {};
  var sortables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < sortables.length; t += 1) {
    var body = sortables[t].tBodies[0];
    tableRows[sortables[t].id] = Array.prototype.slice.call(body.rows);
    showRows(sortables[t]);
  }

  /** How many rows a table shows: its data-page-rows until "Show all" is pressed, then all. */
  function pageRows(table) {
    return table.hasAttribute('data-show-all') ? Infinity : Number(table.getAttribute('data-page-rows') || Infinity);
  }

  function showRows(table) {
    var rows = tableRows[table.id];
    var body = table.tBodies[0];
    var shown = Math.min(rows.length, pageRows(table));
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < shown; i += 1) {
      rows[i].hidden = false;
      fragment.appendChild(rows[i]);
    }
    body.textContent = '';
    body.appendChild(fragment);
  }

  function sortBy(header) {
    var table = header.closest('table');
    var headers = table.tHead.rows[0].cells;
    var column = Array.prototype.indexOf.call(headers, header);
    var numeric = header.getAttribute('data-type') === 'number';
    var current = header.getAttribute('aria-sort');
    var direction = current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : header.getAttribute('data-first');
    var sign = direction === 'descending' ? -1 : 1;
    var keyed = tableRows[table.id].map(function (row) {
      var cell = row.cells[column];
      return {
        row: row,
        rank: Number(row.cells[0].getAttribute('data-value')),
        key: numeric ? Number(cell.getAttribute('data-value')) : cell.textContent.trim(),
      };
    });
    keyed.sort(function (a, b) {
      var order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      return sign * order || a.rank - b.rank;
    });
    tableRows[table.id] = keyed.map(function (entry) { return entry.row; });
    showRows(table);
    for (var i = 0; i < headers.length; i += 1) headers[i].removeAttribute('aria-sort');
    header.setAttribute('aria-sort', direction);
    var status = document.getElementById(table.id + '-sort-status');
    if (status) status.textContent = 'Sorted by ' + header.textContent.trim() + ', ' + direction + '.';
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('table.sortable th > button.sort');
    if (button) sortBy(button.parentElement);
  });

  var showAll = document.getElementById('actions-show-all');
  if (showAll) showAll.addEventListener('click', function () {
    var table = document.getElementById('actions');
    table.setAttribute('data-show-all', '');
    showRows(table);
    document.getElementById('actions-more').hidden = true;
  });

  drawVisible(document);
})();
`;
