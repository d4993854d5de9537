"""The landing page: a search box leading to the network views, and the graph's counts.

The search runs in the page against the JSON search (``GET /entities?q=``), so
the page itself is static apart from the counts; like the views it fetches
nothing from elsewhere.
"""

from __future__ import annotations

import html

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import ReadAuth, StoreDep
from api.docs import problems
from api.routers.system import stats_out

router = APIRouter(tags=["views"])

_SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("search"), box = document.getElementById("q");
  var lang = document.getElementById("lang"), out = document.getElementById("hits");
  function link(text, href) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; }
  var timer = null, latest = 0;
  function run(event) {
    if (event) { event.preventDefault(); }
    clearTimeout(timer);
    var q = box.value.trim(), mine = ++latest;
    if (!q) { out.textContent = ""; return; }
    var l = lang.value;
    fetch("/entities?limit=12&lang=" + l + "&q=" + encodeURIComponent(q)).then(function (r) {
      if (!r.ok) { throw new Error("search answered " + r.status); }
      return r.json();
    }).then(function (page) {
      if (mine !== latest) { return; }  // a newer search is under way
      out.textContent = "";
      if (!page.items.length) { out.textContent = "Nothing found for " + q; return; }
      page.items.forEach(function (hit) {
        var e = hit.entity, li = document.createElement("li"), id = encodeURIComponent(e.id), ql = "?lang=" + l;
        var b = document.createElement("b");
        b.textContent = e.name_ja === e.name_en ? e.name_ja : e.name_ja + " / " + e.name_en;
        li.appendChild(b);
        li.appendChild(document.createTextNode(" (" + e.type + ", " + e.id + ") "));
        li.appendChild(link("neighbourhood", "/viz/entity/" + id + ql));
        if (e.type === "place") {
          li.appendChild(document.createTextNode(" · "));
          li.appendChild(link("region network", "/viz/region/" + id + ql));
        }
        li.appendChild(document.createTextNode(" · "));
        var from = link("paths from here", "#");
        from.addEventListener("click", function (ev) {
          ev.preventDefault();
          document.getElementById("from").value = e.id;
        });
        li.appendChild(from);
        out.appendChild(li);
      });
    }).catch(function (err) { out.textContent = String(err); });
  }
  form.addEventListener("submit", run);
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  document.getElementById("pathform").addEventListener("submit", function () {
    document.getElementById("pathlang").value = lang.value;
  });
})();
"""


@router.get(
    "/",
    response_class=HTMLResponse,
    summary="Home page",
    description=(
        "A small HTML page: a search box leading to the network views (`/viz/...`), the graph's counts and "
        "links to the API docs."
    ),
    dependencies=[ReadAuth],
    responses={200: {"content": {"text/html": {"example": "<!doctype html><title>Kizuna</title>..."}}},
               **problems(401, 403)},
)
def home(store: StoreDep) -> HTMLResponse:
    s = stats_out(store)
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{count}</td></tr>" for name, count in sorted(s.entities.items())
    )
    rel_rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{count}</td></tr>" for name, count in sorted(s.relations.items())
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kizuna 絆</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:"Hiragino Sans","Noto Sans CJK JP",system-ui,sans-serif;max-width:50rem;margin:2rem auto;
padding:0 1rem;color:#222}}table{{border-collapse:collapse}}td{{padding:.1rem .8rem;border-bottom:1px solid #ddd}}
input[type=search],input[type=text]{{font-size:1rem;padding:.3rem .5rem;width:18rem}}
#hits li{{margin:.3rem 0}}.muted{{color:#777}}</style></head>
<body><h1>Kizuna 絆</h1>
<p>Cross-border innovation relationships, with introduction paths and their evidence.
{s.entity_total} entities, {s.relation_total} relations, {s.sources} sources
(backend {html.escape(s.backend)}).</p>
<h2>Find an entity</h2>
<form id="search" role="search"><input type="search" id="q" name="q" placeholder="遼寧省, Kanagawa, JETRO…"
 autocomplete="off" autofocus> <select id="lang" aria-label="label language"><option value="ja">日本語</option>
<option value="en" selected>English</option></select> <button type="submit">Search</button></form>
<ul id="hits"></ul>
<h2>Introduction path</h2>
<form id="pathform" action="/viz/path" method="get"><input type="text" id="from" name="from" placeholder="from: 三重県"
 required> → <input type="text" id="to" name="to" placeholder="to: org:fbri" required>
<input type="hidden" id="pathlang" name="lang" value="en"> <button type="submit">Show paths</button></form>
<h2>Network views</h2>
<ul>
<li><a href="/viz/countries">Countries and the ties between them</a></li>
<li><a href="/viz/region/place:liaoning">A region: Liaoning</a> (<code>/viz/region/{{place}}</code>)</li>
<li><a href="/viz/path?from=%E4%B8%89%E9%87%8D%E7%9C%8C&amp;to=org:fbri">Introduction paths: Mie → FBRI Kobe</a>
(<code>/viz/path?from=…&amp;to=…</code>)</li>
<li>Neighbourhood of an entity: <code>/viz/entity/{{id}}</code></li>
<li class="muted">Older addresses under <code>/views/</code> answer the same pages.</li>
</ul>
<h2>API</h2>
<p><a href="/docs">API documentation (Swagger UI)</a> · <a href="/redoc">the same as ReDoc</a> ·
 <a href="/openapi.json">openapi.json</a> ·
<a href="/entities?type=place">places</a> · <a href="/sources">sources</a></p>
<h2>Entities</h2><table>{rows}</table>
<h2>Relations</h2><table>{rel_rows}</table>
<script>{_SCRIPT}</script>
</body></html>"""
    return HTMLResponse(page)
