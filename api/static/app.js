// cancu web page: plain DOM, every piece of document text set with textContent (never parsed as HTML).
"use strict";

const $ = (sel) => document.querySelector(sel);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const enc = encodeURIComponent;

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message_vi || body.message || `Lỗi ${response.status}`);
  return body;
}

function sourceLabel(c) {
  const number = c.doc_number && c.doc_number.split("/")[0].trim() ? c.doc_number : (c.doc_number.replace(/^\//, "") || c.doc_id);
  const names = { preamble: "Căn cứ", header: "Phần đầu", signature: "Chữ ký", closing: "Phần kết", recipients: "Nơi nhận" };
  const section = names[c.section] || `mục ${c.section}`;
  const heading = names[c.section] ? "" : ` ${c.heading}`;
  return `${number} · ${section}${heading}`;
}

// Turn "… [2]" into text plus links to the matching source, without building HTML from strings.
function renderLine(line) {
  const p = el("p", undefined, line.startsWith("- ") ? "item" : "");
  const parts = line.split(/(\[\d+\])/);
  for (const part of parts) {
    const m = part.match(/^\[(\d+)\]$/);
    if (m) {
      const a = el("a", part, "marker");
      a.href = `#cite-${m[1]}`;
      a.addEventListener("click", (ev) => { ev.preventDefault(); const d = document.getElementById(`cite-${m[1]}`); if (d) { d.open = true; d.scrollIntoView({ block: "nearest" }); } });
      p.append(a);
    } else if (part) {
      p.append(document.createTextNode(part));
    }
  }
  return p;
}

function renderAnswer(answer) {
  const text = $("#answer-text");
  text.replaceChildren(...answer.answer.split("\n").filter((l) => l.trim()).map(renderLine));
  const sources = $("#sources");
  sources.replaceChildren();
  for (const c of answer.citations) {
    const li = el("li");
    const details = el("details");
    details.id = `cite-${c.n}`;
    details.append(el("summary", `[${c.n}] ${sourceLabel(c)}`));
    details.append(el("blockquote", c.quote));
    const full = el("div", "Đang tải toàn văn mục…", "full");
    full.hidden = true;
    details.append(full);
    details.addEventListener("toggle", async () => {
      if (!details.open || full.dataset.loaded) return;
      full.hidden = false;
      try {
        const s = await getJSON(`/documents/${enc(c.doc_id)}/sections/${enc(c.section)}`);
        full.textContent = s.text;
        full.dataset.loaded = "1";
      } catch (err) { full.textContent = err.message; }
    });
    li.append(details);
    sources.append(li);
  }
  const bases = $("#answer-bases");
  bases.replaceChildren(...answer.legal_bases.map((b) => el("li", b.citation || `${b.type} ${b.id}`)));
  $("#bases-block").hidden = answer.legal_bases.length === 0;
  $("#answer").hidden = false;
}

$("#ask-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const question = $("#question").value.trim();
  if (!question) return;
  $("#status").textContent = "Đang tìm trong các văn bản…";
  $("#ask-button").disabled = true;
  try {
    const answer = await getJSON("/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question }) });
    renderAnswer(answer);
    $("#status").textContent = answer.found ? `Trả lời trong ${Math.round(answer.took_ms)} ms.` : "";
  } catch (err) {
    $("#status").textContent = err.message;
  } finally {
    $("#ask-button").disabled = false;
  }
});

async function loadDocuments() {
  const list = $("#document-list");
  const docs = await getJSON("/documents");
  list.replaceChildren();
  for (const d of docs) {
    const li = el("li");
    const details = el("details");
    const when = d.date ? d.date.split("-").reverse().join("/") : "";
    // "Số: /KH-CDLC": the number was left blank for the clerk to fill in
    const number = !d.number ? "không số" : d.number.startsWith("/") ? `${d.number.slice(1)} (chưa ghi số)` : d.number;
    details.append(el("summary", `${d.doc_type || "Văn bản"} ${number} — ${d.issuer || d.doc_id}${when ? ", " + when : ""}`));
    details.append(el("p", d.title || "", "muted"));
    const outline = el("ul", undefined, "outline");
    const text = el("div", undefined, "full");
    text.hidden = true;
    details.append(outline, text);
    details.addEventListener("toggle", async () => {
      if (!details.open || outline.dataset.loaded) return;
      const detail = await getJSON(`/documents/${enc(d.doc_id)}`);
      for (const item of detail.outline) {
        const row = el("li");
        row.style.paddingLeft = `${(item.level - 1) * 1.2}rem`;
        const b = el("button", `${item.section}  ${item.heading}`);
        b.type = "button";
        b.addEventListener("click", async () => {
          const s = await getJSON(`/documents/${enc(d.doc_id)}/sections/${enc(item.section)}`);
          text.textContent = s.text;
          text.hidden = false;
        });
        row.append(b);
        outline.append(row);
      }
      outline.dataset.loaded = "1";
    });
    li.append(details);
    list.append(li);
  }
}

let allBases = [];
function renderBases() {
  const needle = $("#bases-filter").value.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  const fold = (s) => (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  const list = $("#bases-list");
  list.replaceChildren();
  for (const b of allBases) {
    if (needle && !fold([b.id, ...b.variants, b.type, b.issuer, b.title].join(" ")).includes(needle)) continue;
    const li = el("li");
    li.append(el("div", b.citation));
    const docs = [...new Set(b.cited_by.map((c) => c.doc_id))];
    li.append(el("div", `Được trích dẫn trong: ${b.cited_by.map((c) => `${c.doc_id} (${c.section === "preamble" ? "căn cứ" : "mục " + c.section})`).join(", ")}`, "muted"));
    if (docs.length > 1) li.dataset.shared = "1";
    for (const conflict of b.conflicts) {
      li.append(el("div", `Lưu ý: các văn bản ghi ${conflict.field === "date" ? "ngày ban hành" : "cơ quan ban hành"} khác nhau: ${conflict.values.map((v) => v.value).join(" / ")}`, "warn"));
    }
    list.append(li);
  }
}

async function loadBases() {
  allBases = (await getJSON("/legal-bases")).items;
  renderBases();
}
$("#bases-filter").addEventListener("input", renderBases);

const loaded = {};
for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", async () => {
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t === tab);
    for (const panel of document.querySelectorAll(".panel")) panel.hidden = panel.id !== tab.dataset.tab;
    try {
      if (tab.dataset.tab === "documents" && !loaded.documents) { await loadDocuments(); loaded.documents = true; }
      if (tab.dataset.tab === "bases" && !loaded.bases) { await loadBases(); loaded.bases = true; }
    } catch (err) { $("#status").textContent = err.message; }
  });
}
