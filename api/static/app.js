// cancu web page: plain DOM, every piece of document text set with textContent (never parsed as HTML).
"use strict";

const $ = (sel) => document.querySelector(sel);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const enc = encodeURIComponent;
const PART_NAMES = { preamble: "Căn cứ", header: "Phần đầu", signature: "Chữ ký", closing: "Phần kết", recipients: "Nơi nhận", footnotes: "Chú thích" };

// Every request goes through here: whatever fails, the reader gets one sentence in Vietnamese.
async function getJSON(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (_) {
    throw new Error("Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message_vi || `Máy chủ báo lỗi ${response.status}. Vui lòng thử lại sau.`);
  return body;
}

const showDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || "") ? iso.split("-").reverse().join("/") : (iso || ""));
const fold = (s) => (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");

function sourceLabel(c) {
  const label = c.doc_label || (c.doc_number && c.doc_number.split("/")[0].trim() ? c.doc_number : (c.doc_number.replace(/^\//, "") || c.doc_id));
  const section = PART_NAMES[c.section] || `mục ${c.section}`;
  const heading = PART_NAMES[c.section] ? "" : ` ${c.heading}`;
  return `${label} · ${section}${heading}`;
}

// Turn "… [2]" into text plus links to the matching source, without building HTML from strings.
function renderLine(line) {
  const p = el("p", undefined, line.startsWith("- ") ? "item" : "");
  for (const part of line.split(/(\[\d+\])/)) {
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

// The full section with the quoted lines marked; the quote alone when it cannot be found in the text.
function sectionWithQuote(container, text, quote) {
  container.replaceChildren();
  const at = quote ? text.indexOf(quote) : -1;
  if (at < 0) {
    if (quote) { container.append(el("div", "Đoạn trích", "source-label"), el("blockquote", quote)); }
    container.append(el("div", "Toàn văn mục", "source-label"), el("div", text, "full"));
    return;
  }
  const full = el("div", undefined, "full");
  full.append(document.createTextNode(text.slice(0, at)), el("mark", quote), document.createTextNode(text.slice(at + quote.length)));
  container.append(el("div", "Toàn văn mục (đoạn trích được tô vàng)", "source-label"), full);
}

let current = { conversation: null, answerId: null };

function clearAnswer() {
  $("#answer").hidden = true;
  $("#answer-text").replaceChildren();
  $("#sources").replaceChildren();
  $("#answer-bases").replaceChildren();
  $("#vote-status").textContent = "";
  for (const b of document.querySelectorAll("#vote button")) b.setAttribute("aria-pressed", "false");
}

function renderAnswer(answer) {
  $("#answer-text").replaceChildren(...answer.answer.split("\n").filter((l) => l.trim()).map(renderLine));
  const sources = $("#sources");
  for (const c of answer.citations) {
    const li = el("li");
    const details = el("details");
    details.id = `cite-${c.n}`;
    details.append(el("summary", `[${c.n}] ${sourceLabel(c)}`));
    const body = el("div", undefined, "source-body");
    body.append(el("div", "Đoạn trích", "source-label"), el("blockquote", c.quote));
    const open = el("button", "Xem trong mục lục văn bản", "link");
    open.type = "button";
    open.addEventListener("click", () => showInOutline(c.doc_id, c.section));
    details.append(body, open);
    details.addEventListener("toggle", async () => {
      if (!details.open || body.dataset.loaded) return;
      try {
        const s = await getJSON(`/documents/${enc(c.doc_id)}/sections/${enc(c.section)}`);
        sectionWithQuote(body, s.text, c.quote);
        body.dataset.loaded = "1";
      } catch (err) { body.append(el("p", err.message, "error")); }
    });
    li.append(details);
    sources.append(li);
  }
  $("#answer-bases").replaceChildren(...answer.legal_bases.map((b) => el("li", b.citation || `${b.type} ${b.id}`)));
  $("#bases-block").hidden = answer.legal_bases.length === 0;
  $("#answer").hidden = false;
}

function setConversation(id) {
  current.conversation = id;
  $("#conversation").hidden = !id;
}

$("#ask-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const question = $("#question").value.trim();
  if (!question) return;
  clearAnswer();
  $("#status").className = "";
  $("#status").textContent = "Đang tìm trong các văn bản…";
  $("#ask-button").disabled = true;
  try {
    const body = { question, ...(current.conversation ? { conversation_id: current.conversation } : {}) };
    const answer = await getJSON("/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    current.answerId = answer.answer_id;
    setConversation(answer.conversation_id);
    renderAnswer(answer);
    $("#status").textContent = answer.found ? `Trả lời trong ${Math.round(answer.took_ms)} ms.` : "";
  } catch (err) {
    $("#status").className = "error";
    $("#status").textContent = err.message;
  } finally {
    $("#ask-button").disabled = false;
  }
});

$("#new-conversation").addEventListener("click", () => { setConversation(null); clearAnswer(); $("#status").textContent = ""; $("#question").focus(); });

for (const button of document.querySelectorAll("#vote button")) {
  button.addEventListener("click", async () => {
    if (!current.answerId) return;
    try {
      await getJSON("/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answer_id: current.answerId, vote: Number(button.dataset.vote) }) });
      for (const b of document.querySelectorAll("#vote button")) b.setAttribute("aria-pressed", String(b === button));
      $("#vote-status").className = "";
      $("#vote-status").textContent = "Cảm ơn bạn đã góp ý!";
    } catch (err) {
      $("#vote-status").className = "error";
      $("#vote-status").textContent = err.message;
    }
  });
}

// ---------------------------------------------------------------- documents

let labels = {};

async function loadLabels() {
  if (Object.keys(labels).length) return labels;
  const docs = await getJSON("/documents");
  labels = Object.fromEntries(docs.map((d) => [d.doc_id, d.label]));
  return docs;
}

function numberText(d) {
  // "Số: /KH-CDLC": the number was left blank for the clerk to fill in
  return !d.number ? "không số" : d.number.startsWith("/") ? "chưa ghi số" : "";
}

function chooseSection(outline, row, button) {
  for (const r of outline.querySelectorAll("li.chosen")) { r.classList.remove("chosen"); r.querySelector("button").removeAttribute("aria-current"); }
  row.classList.add("chosen");
  button.setAttribute("aria-current", "true");
}

async function openOutline(li) {
  const { docId, outline, text } = li.parts;
  if (outline.dataset.loaded) return;
  const detail = await getJSON(`/documents/${enc(docId)}`);
  for (const item of detail.outline) {
    const row = el("li");
    row.dataset.section = item.section;
    row.style.paddingLeft = `${(item.level - 1) * 1.2}rem`;
    const b = el("button", `${item.section}  ${item.heading}`);
    b.type = "button";
    b.addEventListener("click", async () => {
      chooseSection(outline, row, b);
      try {
        const s = await getJSON(`/documents/${enc(docId)}/sections/${enc(item.section)}`);
        text.textContent = s.text;
        text.className = "full";
      } catch (err) { text.textContent = err.message; text.className = "error"; }
      text.hidden = false;
    });
    row.append(b);
    outline.append(row);
  }
  outline.dataset.loaded = "1";
}

async function loadDocuments() {
  const list = $("#document-list");
  const status = $("#documents-status");
  status.className = "";
  status.textContent = "Đang tải danh sách văn bản…";
  let docs;
  try {
    docs = await getJSON("/documents");
  } catch (err) {
    status.className = "error";
    status.replaceChildren(document.createTextNode(`${err.message} `));
    const retry = el("button", "Thử lại", "link");
    retry.type = "button";
    retry.addEventListener("click", loadDocuments);
    status.append(retry);
    return false;
  }
  labels = Object.fromEntries(docs.map((d) => [d.doc_id, d.label]));
  status.textContent = docs.length ? "" : "Chưa có văn bản nào.";
  list.replaceChildren();
  for (const d of docs) {
    const li = el("li");
    li.dataset.docId = d.doc_id;
    const details = el("details");
    const when = showDate(d.date);
    const summary = el("summary");
    const note = numberText(d);
    summary.append(el("span", d.label, "doc-label"), document.createTextNode(` — ${d.doc_type || "Văn bản"}${note ? ` (${note})` : ""}, ${d.issuer || d.doc_id}${when ? ", " + when : ""}`));
    details.append(summary, el("p", d.title || "", "muted"));
    const outline = el("ul", undefined, "outline");
    const text = el("div", undefined, "full");
    text.hidden = true;
    details.append(outline, text);
    li.parts = { docId: d.doc_id, details, outline, text };
    details.addEventListener("toggle", async () => {
      if (!details.open) return;
      try { await openOutline(li); } catch (err) { outline.replaceChildren(el("li", err.message, "error")); }
    });
    li.append(details);
    list.append(li);
  }
  return true;
}

// From a source of an answer: the Documents tab, that document open, that section chosen in its outline.
async function showInOutline(docId, section) {
  await selectTab(document.getElementById("tab-documents"));
  const li = [...document.querySelectorAll("#document-list > li")].find((x) => x.dataset.docId === docId);
  if (!li) return;
  li.parts.details.open = true;
  try { await openOutline(li); } catch (err) { return; }
  const row = [...li.parts.outline.children].find((r) => r.dataset.section === section);
  if (row) { row.querySelector("button").click(); row.scrollIntoView({ block: "center" }); }
}

// ---------------------------------------------------------------- legal bases

let allBases = [];
function renderBases() {
  const needle = fold($("#bases-filter").value.trim());
  const list = $("#bases-list");
  list.replaceChildren();
  for (const b of allBases) {
    if (needle && !fold([b.id, ...b.variants, b.type, b.issuer, b.title].join(" ")).includes(needle)) continue;
    const li = el("li");
    li.append(el("div", b.citation));
    const docs = [...new Set(b.cited_by.map((c) => c.doc_id))];
    li.append(el("div", `Được trích dẫn trong: ${b.cited_by.map((c) => `${labels[c.doc_id] || c.doc_id} (${c.section === "preamble" ? "căn cứ" : "mục " + c.section})`).join(", ")}`, "muted"));
    if (docs.length > 1) li.dataset.shared = "1";
    for (const conflict of b.conflicts) {
      li.append(el("div", `Lưu ý: các văn bản ghi ${conflict.field === "date" ? "ngày ban hành" : "cơ quan ban hành"} khác nhau: ${conflict.values.map((v) => showDate(v.value)).join(" / ")}`, "warn"));
    }
    list.append(li);
  }
}

async function loadBases() {
  const status = $("#bases-status");
  status.className = "";
  status.textContent = "Đang tải…";
  try {
    await loadLabels();
    allBases = (await getJSON("/legal-bases")).items;
  } catch (err) {
    status.className = "error";
    status.textContent = err.message;
    return false;
  }
  status.textContent = "";
  renderBases();
  return true;
}
$("#bases-filter").addEventListener("input", renderBases);

// ---------------------------------------------------------------- tabs (WAI-ARIA tabs: arrows move between them)

const tabs = [...document.querySelectorAll("[role=tab]")];
const loaded = {};

async function selectTab(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.classList.toggle("active", on);
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (tab.dataset.tab === "documents" && !loaded.documents) loaded.documents = await loadDocuments();
  if (tab.dataset.tab === "bases" && !loaded.bases) loaded.bases = await loadBases();
}

for (const tab of tabs) {
  tab.addEventListener("click", () => selectTab(tab));
  tab.addEventListener("keydown", (ev) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: tabs[(i + 1) % tabs.length], ArrowLeft: tabs[(i - 1 + tabs.length) % tabs.length], Home: tabs[0], End: tabs[tabs.length - 1] }[ev.key];
    if (next) { ev.preventDefault(); next.focus(); selectTab(next); }
  });
}
