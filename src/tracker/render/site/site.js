/* tracker site: sortable and filterable tables, in plain JavaScript (no framework, no network).
 *
 * Every page is complete without this file: it only adds controls. For each table.sortable it
 * turns the column headers into buttons (click or Enter/Space sorts; again reverses), and shows
 * the filter box and status chips the page ships hidden for it (div.controls[data-for=ID]).
 * Cells sort by their data-sort attribute when they have one (numbers as numbers), else by
 * their text; empty values go last in either direction. No data text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
    sensitivity: "base",
  });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim();
  }

  function compare(type, a, b) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
    if (type === "num") return parseFloat(a) - parseFloat(b);
    return collator.compare(a, b);
  }

  function sortBy(table, header, index) {
    var type = header.getAttribute("data-type") || "text";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) {
      if (!row.hasAttribute("data-order")) row.setAttribute("data-order", String(i));
    });
    rows.sort(function (r1, r2) {
      var a = cellValue(r1, index);
      var b = cellValue(r2, index);
      var order = a === "" || b === "" ? compare(type, a, b) : compare(type, a, b) * (ascending ? 1 : -1);
      return order || Number(r1.getAttribute("data-order")) - Number(r2.getAttribute("data-order"));
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      if (!header.hasAttribute("data-type")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(table, header, index);
      });
    });
  }

  function makeFilter(controls) {
    var table = document.getElementById(controls.getAttribute("data-for"));
    if (!table || !table.tBodies.length) return;
    var input = controls.querySelector("input[type=search]");
    var chips = Array.prototype.slice.call(controls.querySelectorAll("button[data-status]"));
    var count = controls.querySelector(".count");
    var template = count ? count.getAttribute("data-template") || "" : "";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) {
      return row.textContent.toLowerCase();
    });

    function apply() {
      var words = input ? input.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      var hidden = {};
      chips.forEach(function (chip) {
        if (chip.getAttribute("aria-pressed") === "false") hidden[chip.getAttribute("data-status")] = true;
      });
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible =
          !hidden[row.getAttribute("data-status")] &&
          words.every(function (word) {
            return texts[i].indexOf(word) !== -1;
          });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) {
        count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
    }

    if (input) input.addEventListener("input", apply);
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "false" ? "true" : "false");
        apply();
      });
    });
    controls.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("div.controls[data-for]"), makeFilter);
    document.documentElement.className += " js";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
