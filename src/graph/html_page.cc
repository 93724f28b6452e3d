#include "graph/html_page.h"

namespace newsgraph {

const char kHtmlPageHead[] = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
)html";

const char kHtmlPageStyle[] = R"html(<style>
html, body { margin: 0; height: 100%; overflow: hidden; font: 13px Helvetica, Arial, sans-serif; }
#view { display: block; width: 100%; height: 100%; background: #fafafa; cursor: grab; }
#tip { position: absolute; display: none; pointer-events: none; background: #fff;
  border: 1px solid #bbb; padding: 2px 6px; border-radius: 3px; max-width: 420px; }
#info { position: absolute; top: 8px; right: 8px; width: 360px; max-height: 80%; overflow: auto;
  background: rgba(255,255,255,0.95); border: 1px solid #ccc; border-radius: 4px;
  padding: 6px 10px; display: none; }
#info h2 { font-size: 14px; margin: 4px 0 6px; }
#info table { border-collapse: collapse; }
#info td { vertical-align: top; padding: 1px 4px; word-break: break-word; }
#info td:first-child { color: #666; white-space: nowrap; }
#legend { position: absolute; left: 8px; bottom: 8px; background: rgba(255,255,255,0.9);
  border: 1px solid #ccc; border-radius: 4px; padding: 4px 8px; }
#legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
#help { position: absolute; left: 8px; top: 8px; color: #666; }
</style>
)html";

const char kHtmlPageBody[] = R"html(<canvas id="view"></canvas>
<div id="help">drag: move a node or the picture; wheel: zoom; click a node: its attributes</div>
<div id="tip"></div>
<div id="info"></div>
<div id="legend"></div>
)html";

const char kHtmlPageScript[] = R"js("use strict";
window.addEventListener("error", function (e) { document.body.dataset.error = String(e.message); });
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const nodes = data.nodes, edges = data.edges, n = nodes.length;
  const canvas = document.getElementById("view"), ctx = canvas.getContext("2d");
  const tip = document.getElementById("tip"), info = document.getElementById("info");
  const K = 60;  // the length an edge tends to
  const view = { scale: 1, tx: 0, ty: 0 };
  let selected = -1, hover = -1;

  // Degrees give the node sizes; a golden-angle spiral gives a deterministic start.
  const degree = new Array(n).fill(0);
  for (const e of edges) { degree[e.source]++; degree[e.target]++; }
  nodes.forEach(function (d, i) {
    const a = i * 2.399963, r = K * 0.5 * Math.sqrt(i + 1);
    d.x = r * Math.cos(a); d.y = r * Math.sin(a);
    d.r = 5 + Math.min(10, 2 * Math.sqrt(degree[i]));
  });

  // Fruchterman-Reingold: nodes repel, edges pull, gravity keeps the parts together.
  function layout() {
    const steps = n < 2 ? 0 : Math.max(30, Math.min(400, Math.floor(3e7 / (n * n))));
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let s = 0; s < steps; s++) {
      const temp = K * 2 * (1 - s / steps) + 0.5;
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          let d2 = x * x + y * y;
          if (d2 < 0.01) { x = 0.1 * ((i % 7) - 3 + 0.5); y = 0.1; d2 = x * x + y * y; }
          const f = (K * K) / d2;
          dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
        }
      }
      for (const e of edges) {
        if (e.source === e.target) continue;
        const a = nodes[e.source], b = nodes[e.target];
        const x = a.x - b.x, y = a.y - b.y, f = Math.sqrt(x * x + y * y) / K;
        dx[e.source] -= x * f; dy[e.source] -= y * f; dx[e.target] += x * f; dy[e.target] += y * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= nodes[i].x; dy[i] -= nodes[i].y;
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (d > 0) { const m = Math.min(d, temp) / d; nodes[i].x += dx[i] * m; nodes[i].y += dy[i] * m; }
      }
    }
  }

  function resize() {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = canvas.clientWidth * dpr; canvas.height = canvas.clientHeight * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  // Fits the whole graph into the canvas.
  function fit() {
    if (n === 0) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const d of nodes) { x0 = Math.min(x0, d.x); y0 = Math.min(y0, d.y); x1 = Math.max(x1, d.x); y1 = Math.max(y1, d.y); }
    const w = canvas.clientWidth, h = canvas.clientHeight;
    view.scale = Math.min(2, (w - 160) / Math.max(1, x1 - x0), (h - 120) / Math.max(1, y1 - y0));
    view.tx = w / 2 - view.scale * (x0 + x1) / 2; view.ty = h / 2 - view.scale * (y0 + y1) / 2;
  }

  const sx = function (d) { return d.x * view.scale + view.tx; };
  const sy = function (d) { return d.y * view.scale + view.ty; };

  function draw() {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    let drawnEdges = 0, drawnNodes = 0;
    const labels = n <= 400 || view.scale > 1.5;
    ctx.lineWidth = 1; ctx.font = "9px Helvetica, Arial, sans-serif"; ctx.textAlign = "center";
    for (const e of edges) {
      const a = nodes[e.source], b = nodes[e.target];
      const on = selected === e.source || selected === e.target;
      ctx.strokeStyle = on ? "#333" : "#aaa"; ctx.fillStyle = ctx.strokeStyle;
      const x0 = sx(a), y0 = sy(a), x1 = sx(b), y1 = sy(b);
      ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (data.directed && len > b.r + 1) {  // an arrowhead at the target's rim
        const ux = (x1 - x0) / len, uy = (y1 - y0) / len, px = x1 - ux * b.r, py = y1 - uy * b.r;
        ctx.beginPath(); ctx.moveTo(px, py);
        ctx.lineTo(px - ux * 7 - uy * 3, py - uy * 7 + ux * 3);
        ctx.lineTo(px - ux * 7 + uy * 3, py - uy * 7 - ux * 3); ctx.fill();
      }
      if (labels && (edges.length <= 150 || on)) ctx.fillText(e.label, (x0 + x1) / 2, (y0 + y1) / 2 - 2);
      drawnEdges++;
    }
    ctx.font = "11px Helvetica, Arial, sans-serif"; ctx.textAlign = "left";
    nodes.forEach(function (d, i) {
      const x = sx(d), y = sy(d);
      ctx.fillStyle = d.color; ctx.strokeStyle = i === selected ? "#000" : "#fff";
      ctx.lineWidth = i === selected ? 3 : 1.5;
      ctx.beginPath();
      if (d.event) ctx.rect(x - d.r, y - d.r, 2 * d.r, 2 * d.r); else ctx.arc(x, y, d.r, 0, 2 * Math.PI);
      ctx.fill(); ctx.stroke();
      if (labels || i === selected || i === hover) { ctx.fillStyle = "#222"; ctx.fillText(d.label, x + d.r + 3, y + 4); }
      drawnNodes++;
    });
    return [drawnNodes, drawnEdges];
  }

  // Returns the index of the node under the screen point (x, y), or -1.
  function hit(x, y) {
    for (let i = n - 1; i >= 0; i--) {
      const d = nodes[i], r = d.r + 2;
      if (Math.abs(sx(d) - x) <= r && Math.abs(sy(d) - y) <= r) return i;
    }
    return -1;
  }

  function row(table, key, value) {
    const tr = table.insertRow();
    tr.insertCell().textContent = key; tr.insertCell().textContent = value;
  }

  function showInfo(i) {
    info.replaceChildren();
    if (i < 0) { info.style.display = "none"; return; }
    const d = nodes[i], h2 = document.createElement("h2"), table = document.createElement("table");
    h2.textContent = d.label; info.append(h2, table);
    for (const key of Object.keys(d.attrs)) row(table, key, d.attrs[key]);
    for (const e of edges) {
      if (e.source === i) row(table, e.label + " \u2192", nodes[e.target].label);
      else if (e.target === i) row(table, "\u2190 " + e.label, nodes[e.source].label);
    }
    info.style.display = "block";
  }

  function legend() {
    const el = document.getElementById("legend"), kinds = {};
    for (const d of nodes) kinds[d.kind] = d.color;
    for (const k of Object.keys(kinds).sort()) {
      const sw = document.createElement("span");
      sw.style.background = kinds[k];
      el.append(sw, document.createTextNode(k));
    }
    el.append(document.createTextNode("  (" + n + " nodes, " + edges.length + " edges)"));
  }

  let drag = null;  // {node, x, y, moved}
  canvas.addEventListener("mousedown", function (ev) {
    drag = { node: hit(ev.offsetX, ev.offsetY), x: ev.offsetX, y: ev.offsetY, moved: false };
  });
  window.addEventListener("mouseup", function () {
    if (drag && !drag.moved) { selected = drag.node; showInfo(selected); draw(); }
    drag = null;
  });
  canvas.addEventListener("mousemove", function (ev) {
    const x = ev.offsetX, y = ev.offsetY;
    if (drag) {
      const ddx = x - drag.x, ddy = y - drag.y;
      if (Math.abs(ddx) + Math.abs(ddy) > 2) drag.moved = true;
      if (!drag.moved) return;
      if (drag.node >= 0) { nodes[drag.node].x += ddx / view.scale; nodes[drag.node].y += ddy / view.scale; }
      else { view.tx += ddx; view.ty += ddy; }
      drag.x = x; drag.y = y; draw(); return;
    }
    const i = hit(x, y);
    if (i !== hover) { hover = i; draw(); }
    if (i < 0) { tip.style.display = "none"; return; }
    tip.textContent = nodes[i].attrs.label || nodes[i].label;
    tip.style.left = (x + 14) + "px"; tip.style.top = (y + 14) + "px"; tip.style.display = "block";
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    const f = ev.deltaY < 0 ? 1.15 : 1 / 1.15, x = ev.offsetX, y = ev.offsetY;
    view.tx = x - (x - view.tx) * f; view.ty = y - (y - view.ty) * f; view.scale *= f; draw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); draw(); });

  layout(); resize(); fit(); legend();
  const drawn = draw();
  document.body.dataset.nodes = String(drawn[0]);
  document.body.dataset.edges = String(drawn[1]);
  document.body.dataset.drawn = "1";
})();
)js";

}  // namespace newsgraph
