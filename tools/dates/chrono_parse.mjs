// Reads {"rows": [{"lang", "text"}], "dct": "YYYY-MM-DD"} on stdin and prints, for each row,
// what chrono-node finds first: {"value": "2023-06-14" | "2023-04" | "2023" | "a/b" | null}.
// The parser is chrono's own for the row's language (chrono.id, chrono.en), with the
// publication date at noon as the reference (forwardDate as asked); the value has the precision chrono says it
// knows (knownValues), so "April 2023" is "2023-04", not a day chrono only implied.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const input = JSON.parse(readFileSync(0, "utf8"));
const forwardDate = Boolean(input.forwardDate);
const [y, m, d] = input.dct.split("-").map(Number);
const ref = new Date(y, m - 1, d, 12, 0, 0);
const pad = (n, w = 2) => String(n).padStart(w, "0");

function value(c) {
  const known = (k) => c.isCertain(k);
  const get = (k) => c.get(k);
  if (known("day") || known("weekday") || (!known("month") && !known("year"))) {
    return `${pad(get("year"), 4)}-${pad(get("month"))}-${pad(get("day"))}`;
  }
  if (known("month")) return `${pad(get("year"), 4)}-${pad(get("month"))}`;
  return `${pad(get("year"), 4)}`;
}

const out = input.rows.map((row) => {
  const parser = row.lang === "id" ? chrono.id : chrono.en;
  const found = parser.parse(row.text, ref, { forwardDate });
  if (found.length === 0) return { value: null };
  // chrono splits "Selasa (21/10/2025)" into "Selasa" and "21/10/2025": of results that
  // touch the first one, take the one that knows most.
  let r = found[0];
  for (const next of found.slice(1)) {
    if (next.index > r.index + r.text.length + 3) break;
    const k = (x) => Object.keys(x.start.knownValues).length;
    if (k(next) > k(r)) r = next;
  }
  let v = value(r.start);
  if (r.end) {
    const e = value(r.end);
    if (e !== v) v = `${v}/${e}`;
  }
  return { value: v, text: r.text };
});
process.stdout.write(JSON.stringify(out));
