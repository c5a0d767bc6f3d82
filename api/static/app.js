// baoku search page: reads the form, calls GET search, renders hits, facets and pages; the
// second form checks a figure (GET figures/check) and lists where it was printed and what
// other values were printed for the same thing.
// Plain DOM code, no build step; every text from the server is inserted as text, and only
// the snippet's match marks [ ] become <mark> elements.
"use strict";

const PAGE_SIZE = 20;
const FACETS = ["newspaper", "year", "page_name", "agency", "place", "figure_type"];
const form = document.getElementById("search");
const statusLine = document.getElementById("status");
const hitsList = document.getElementById("hits");
const facetsBox = document.getElementById("facets");
const pager = document.getElementById("pager");

function paramsFromForm(offset) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") params.append(name, String(value).trim());
  }
  if (offset > 0) params.set("offset", String(offset));
  return params;
}

function fillForm(params) {
  for (const el of form.elements) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name);
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

// "...[欠薪]..." → text nodes and <mark> elements; unbalanced brackets stay as text.
function markedSnippet(snippet) {
  const out = el("p", { class: "snippet" });
  const re = /\[([^\[\]]*)\]/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    out.append(snippet.slice(last, m.index), el("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  out.append(snippet.slice(last));
  return out;
}

async function openPage(articleId) {
  const resp = await fetch(`articles/${encodeURIComponent(articleId)}`);
  const body = await resp.json();
  if (!resp.ok) { statusLine.textContent = body.error.message; return; }
  if (body.parts.length) window.open(body.parts[0].image, "_blank", "noopener");
  else statusLine.textContent = "这篇文章没有版面位置 (no page position stored).";
}

function renderHit(hit) {
  const meta = [hit.newspaper, hit.date, hit.page ? `第${hit.page}版` : null].filter(Boolean);
  const pageLink = el("a", { href: "#" }, "原版 page image");
  pageLink.addEventListener("click", (e) => { e.preventDefault(); openPage(hit.id); });
  return el("li", {},
    el("div", { class: "headline" }, hit.headline || "（无标题）"),
    el("div", { class: "meta" }, meta.join(" · ")),
    markedSnippet(hit.snippet || ""),
    el("div", { class: "links" },
      el("a", { href: `articles/${encodeURIComponent(hit.id)}`, target: "_blank" }, "JSON"),
      pageLink));
}

function renderFacets(facets) {
  facetsBox.replaceChildren();
  for (const [name, counts] of Object.entries(facets)) {
    if (!counts.length) continue;
    const list = el("ul");
    for (const c of counts.slice(0, 10)) {
      const b = el("button", { type: "button" }, `${c.value} (${c.count})`);
      const field = name === "year" ? null : name === "page_name" ? null : name;
      if (field && form.elements[field]) {
        b.addEventListener("click", () => { form.elements[field].value = c.value; run(0); });
      }
      list.append(el("li", {}, b));
    }
    facetsBox.append(el("h3", {}, name), list);
  }
}

function renderPager(total, offset) {
  pager.replaceChildren();
  if (offset > 0) {
    const prev = el("button", { type: "button" }, "← 上一页");
    prev.addEventListener("click", () => run(Math.max(0, offset - PAGE_SIZE)));
    pager.append(prev);
  }
  if (offset + PAGE_SIZE < Math.min(total, 10000)) {
    const next = el("button", { type: "button" }, "下一页 →");
    next.addEventListener("click", () => run(offset + PAGE_SIZE));
    pager.append(next);
  }
}

async function run(offset, push = true) {
  const params = paramsFromForm(offset);
  if (push) history.pushState(null, "", `?${params}`);
  params.set("limit", String(PAGE_SIZE));
  for (const f of FACETS) params.append("facet", f);
  statusLine.textContent = "搜索中…";
  statusLine.className = "";
  let resp, body;
  try {
    resp = await fetch(`search?${params}`);
    body = await resp.json();
  } catch (err) {
    statusLine.textContent = `无法连接服务器 (cannot reach the server): ${err}`;
    statusLine.className = "error";
    return;
  }
  if (!resp.ok) {
    statusLine.textContent = body && body.error ? body.error.message : `HTTP ${resp.status}`;
    statusLine.className = "error";
    hitsList.replaceChildren();
    return;
  }
  statusLine.textContent = `共 ${body.total} 篇 · 第 ${offset + 1}–${offset + body.hits.length} 篇`;
  hitsList.start = offset + 1;
  hitsList.replaceChildren(...body.hits.map(renderHit));
  renderFacets(body.facets);
  renderPager(body.total, offset);
}

form.addEventListener("submit", (e) => { e.preventDefault(); run(0); });
window.addEventListener("popstate", () => {
  const params = new URLSearchParams(location.search);
  fillForm(params);
  run(Number(params.get("offset") || 0), false);
});
if (location.search) {
  const params = new URLSearchParams(location.search);
  fillForm(params);
  run(Number(params.get("offset") || 0), false);
}

// ---------------------------------------------------------------- figure check

const checkForm = document.getElementById("check");
const checked = document.getElementById("checked");
const claimLine = document.getElementById("claimLine");
const checkRows = document.getElementById("checkRows");
const RELATION = {
  same_period: "同期不同数 (same period, other value)",
  period_unknown: "未注明时段 (period not stated)",
  other_period: "其他时段 (other period)",
  null: "实际刊登 (printed instead)",
};

function figureRow(f, label) {
  const where = [f.newspaper, f.date, f.page ? `第${f.page}版` : null].filter(Boolean);
  const facts = [f.measure, f.agency, f.period_text].filter(Boolean).join(" · ");
  const links = el("div", { class: "links" },
    el("a", { href: `articles/${encodeURIComponent(f.article_id)}`, target: "_blank" }, "JSON"));
  if (f.image) links.append(el("a", { href: f.image, target: "_blank", rel: "noopener" }, "原版 page image"));
  return el("li", {},
    el("div", { class: "headline" }, `${label}：${f.text}`),
    el("div", { class: "meta" }, [where.join(" · "), facts].filter(Boolean).join(" — ")),
    el("p", { class: "snippet" }, f.sentence),
    links);
}

checkForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(checkForm)) {
    if (String(value).trim() !== "") params.append(name, String(value).trim());
  }
  checked.hidden = false;
  claimLine.textContent = "核对中…";
  checkRows.replaceChildren();
  let resp, body;
  try {
    resp = await fetch(`figures/check?${params}`);
    body = await resp.json();
  } catch (err) {
    claimLine.textContent = `无法连接服务器 (cannot reach the server): ${err}`;
    return;
  }
  if (!resp.ok) {
    claimLine.textContent = body && body.error ? body.error.message : `HTTP ${resp.status}`;
    return;
  }
  const c = body.claim;
  claimLine.textContent = `${c.text} = ${c.value.toLocaleString()} ${c.unit}（${c.qualifier}）：` +
    (body.found_total ? `刊登 ${body.found_total} 次 (printed ${body.found_total} times)`
                      : "未见刊登 (not printed, with these filters)");
  checkRows.replaceChildren(
    ...body.found.map((f) => figureRow(f, "刊登 found")),
    ...body.others.map((o) => figureRow(o, RELATION[o.relation])));
});
