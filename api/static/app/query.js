// The SPARQL query page: an editor (YASQE when the setup has installed it, a textarea otherwise),
// named examples, a results table whose IRIs link to their entities, and downloads in every format.
// Everything is fetched from this app; text from the graph is only ever set as textContent.
(function () {
  "use strict";
  const ENTITY_PREFIX = "https://w3id.org/vnkg/id/";
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const prefixes = JSON.parse(document.getElementById("prefixes").textContent);
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const downloads = document.getElementById("downloads");
  let editor = null;

  // Declare the ontology's prefixes that a query does not declare itself, below its title comment.
  function withPrefixes(text) {
    const lines = text.split("\n");
    let head = 0;
    while (head < lines.length && lines[head].startsWith("#")) head += 1;
    const missing = Object.entries(prefixes)
      .filter(([name]) => !new RegExp("PREFIX\\s+" + name + ":", "i").test(text))
      .map(([name, iri]) => "PREFIX " + name + ": <" + iri + ">");
    return [...lines.slice(0, head), ...missing, ...lines.slice(head)].join("\n");
  }
  textarea.value = withPrefixes(textarea.value);

  if (window.Yasqe) {
    editor = new window.Yasqe(document.getElementById("editor"), {
      value: textarea.value,
      persistenceId: null,          // nothing kept in the browser between visits
      showQueryButton: false,
      createShareableLink: null,    // no link shortener
      autocompleters: [],           // the stock ones call prefix.cc and LOV
      resizeable: true,
    });
    form.classList.add("editor-on");
  }

  const getQuery = () => (editor ? editor.getValue() : textarea.value);
  const setQuery = (text) => { if (editor) { editor.setValue(text); } else { textarea.value = text; } };

  document.getElementById("example").addEventListener("change", (event) => {
    const chosen = examples.find((e) => e.name === event.target.value);
    if (chosen) setQuery(withPrefixes(chosen.query));
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = getQuery();
    status.className = "";
    status.textContent = "Running…";
    results.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: new URLSearchParams({ query }),
      });
    } catch (error) {
      return fail("The server did not answer: " + error);
    }
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      return fail(body && body.error ? body.error.message : response.status + " " + response.statusText);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const truncated = response.headers.get("X-Result-Truncated") === "true";
    const cut = truncated ? " — cut at " + response.headers.get("X-Result-Limit") + " (the server's limit)" : "";
    if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        results.textContent = String(data.boolean);
        showDownloads(query, "ASK");
      } else {
        renderTable(data);
        showDownloads(query, "SELECT");
      }
      status.textContent = (data.results ? data.results.bindings.length + " rows" : "answer") + " in " + seconds + " s" + cut;
    } else {
      const pre = document.createElement("pre");
      pre.className = "graph";
      pre.textContent = await response.text();
      results.append(pre);
      showDownloads(query, "CONSTRUCT");
      status.textContent = response.headers.get("X-Result-Count") + " triples in " + seconds + " s" + cut;
    }
  });

  function fail(message) {
    status.className = "error";
    status.textContent = message;
    downloads.hidden = true;
  }

  function renderTable(data) {
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = "?" + name;
      head.append(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) {
        const cell = row.insertCell();
        const term = binding[name];
        if (term) cell.append(renderTerm(term));
      }
    }
    results.append(table);
  }

  function renderTerm(term) {
    if (term.type === "uri" && term.value.startsWith(ENTITY_PREFIX)) {
      const link = document.createElement("a");
      link.href = "/entity/" + term.value.slice(ENTITY_PREFIX.length);
      link.textContent = term.value.slice(ENTITY_PREFIX.length);
      link.title = term.value;
      return link;
    }
    const span = document.createElement("span");
    span.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    if (term["xml:lang"]) {
      const lang = document.createElement("span");
      lang.className = "lang";
      lang.textContent = "@" + term["xml:lang"];
      span.append(lang);
    }
    return span;
  }

  function showDownloads(query, queryForm) {
    downloads.hidden = false;
    for (const group of downloads.querySelectorAll("[data-forms]")) {
      group.hidden = !group.dataset.forms.split(" ").includes(queryForm);
    }
    for (const link of downloads.querySelectorAll("a[data-format]")) {
      link.href = "/sparql?" + new URLSearchParams({ query, format: link.dataset.format });
      link.download = "results." + link.dataset.format;
    }
  }
})();
