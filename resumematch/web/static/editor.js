// The report page's editor: the resume's text, section by section, re-scored as the user types
// (POST /api/check with the text and the same job), each change's effect shown, "I have this"
// on a suggestion that names a missing skill, undo, restore and a diff against the upload.
// Without this script the editor is a form that checks and saves the edited text all the same.
// Text from resumes and postings only ever goes into the page as DOM text, never as HTML.
"use strict";

const PAUSE_MS = 300; // re-score after this long without typing
const KEEP_EFFECTS = 8;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function fmt(number) {
  return String(Math.round(number * 10) / 10);
}

function signed(number) {
  // "+3.9", "-1.2": always one decimal, as the report's points are.
  const rounded = Math.round(number * 10) / 10;
  return (rounded > 0 ? "+" : rounded < 0 ? "-" : "±") + Math.abs(rounded).toFixed(1);
}

// -- what a change did ------------------------------------------------------------------------

function effectOf(before, after) {
  const had = new Set(before.matched.map((m) => m.id));
  const has = new Set(after.matched.map((m) => m.id));
  const parts = [];
  const gained = after.matched.filter((m) => !had.has(m.id)).map((m) => m.name);
  const lost = before.matched.filter((m) => !has.has(m.id)).map((m) => m.name);
  if (gained.length) parts.push(`${gained.join(", ")} now matched`);
  if (lost.length) parts.push(`${lost.join(", ")} no longer matched`);
  if (!parts.length) {
    for (const [name, value] of Object.entries(after.components)) {
      const was = before.components[name];
      if (was !== undefined && Math.abs(value - was) >= 0.1) parts.push(`${name} ${signed(value - was)}`);
    }
  }
  const delta = after.score - before.score;
  if (!parts.length && Math.abs(delta) < 0.05) return null;
  return `${signed(delta)}: ${parts.join("; ") || "score changed"}`;
}

// -- the results panel, drawn from the report's JSON ------------------------------------------

function scoreClass(score) {
  return score >= 70 ? "score-high" : score >= 45 ? "score-mid" : "score-low";
}

function drawScore(report) {
  const score = document.getElementById("score");
  score.className = `score ${scoreClass(report.score)}`;
  score.replaceChildren(el("span", { text: fmt(report.score) }), el("small", { text: "/100" }));
}

// The same rows as the page drawn by the server: score, weight and what each component measures.
function drawComponents(report) {
  const body = document.querySelector("#components tbody");
  const meaning = (text) => el("tr", { className: "meaning" }, el("td", { colspan: "4", text }));
  body.replaceChildren(...report.component_details.flatMap((part) => part.asked
    ? [el("tr", {},
      el("th", { scope: "row", text: part.name }),
      el("td", {}, el("meter", { min: "0", max: "100", value: String(part.score), "aria-label": part.name, text: fmt(part.score) })),
      el("td", { className: "num", text: fmt(part.score) }),
      el("td", { className: "num", text: part.weight.toFixed(2) })),
    meaning(part.why ? `${part.meaning}. Here: ${part.why}` : part.meaning)]
    : [el("tr", {},
      el("th", { scope: "row", text: part.name }),
      el("td", {}),
      el("td", { className: "num", text: "not asked for" }),
      el("td", { className: "num", text: "0" })),
    meaning(`${part.meaning}; its weight is spread over the others`)]));
}

function quoted(message, item) {
  return [item.wording, item.name].some((words) => words && message.includes(`'${words}'`));
}

function drawSuggestions(report, onHave) {
  const list = document.getElementById("suggestions");
  const missing = report.missing;
  list.replaceChildren(...report.suggestions.map((suggestion) => {
    const item = el("li", { className: `priority-${suggestion.priority}` }, el("span", { className: "kind", text: suggestion.kind }));
    if (suggestion.points) {
      item.append(" ", el("strong", { text: `+${fmt(suggestion.points)} point${suggestion.points === 1 ? "" : "s"}` }));
    }
    item.append(el("br"), suggestion.message);
    const named = missing.filter((m) => quoted(suggestion.message, m));
    if (named.length) {
      const actions = el("span", { className: "have" });
      for (const skill of named) {
        const words = skill.wording || skill.name;
        const label = named.length === 1 ? "I have this" : `I have ${words}`;
        const button = el("button", { type: "button", className: "secondary small", "data-skill": words,
                                      "aria-label": `${label}: ${words}`, text: label });
        button.addEventListener("click", () => onHave(skill, button));
        actions.append(button);
      }
      item.append(el("br"), actions);
    }
    return item;
  }));
}

function drawSkills(report) {
  const section = document.getElementById("skills");
  const nodes = [el("h2", { text: "Skills by importance" })];
  for (const importance of ["required", "preferred", "other keyword"]) {
    const got = report.matched.filter((m) => m.importance === importance);
    const lack = report.missing.filter((m) => m.importance === importance);
    if (!got.length && !lack.length) continue;
    const chips = (items, kind) => el("ul", { className: `chips ${kind}` }, ...items.map((m) => {
      const chip = el("li", { className: `chip ${kind}`, title: m.category, text: m.name });
      // Said as the CLI says it: an implied skill is held "through" the resume's words for a narrower one.
      if (kind === "matched" && m.how === "implied" && m.evidence) {
        chip.append(" ", el("span", { className: "via", text: `through “${m.evidence}”` }));
      } else if (kind === "matched" && m.how === "in progress") {
        chip.append(" ", el("span", { className: "via", text: `in progress: “${m.evidence}”` }));
      } else if (kind === "matched" && m.evidence && m.evidence.toLowerCase() !== m.name.toLowerCase()) {
        chip.append(" ", el("span", { className: "via", text: `← “${m.evidence}”` }));
      }
      return chip;
    }));
    nodes.push(el("h3", { text: importance[0].toUpperCase() + importance.slice(1) }), el("div", { className: "two" },
      el("div", {}, el("h4", { text: `Matched (${got.length})` }), chips(got, "matched")),
      el("div", {}, el("h4", { text: `Missing (${lack.length})` }), chips(lack, "missing")),
    ));
  }
  section.replaceChildren(...nodes);
}

function drawCategories(report) {
  const table = document.getElementById("categories");
  if (!table) return;
  const rows = new Map();
  for (const [key, items] of [["matched", report.matched], ["missing", report.missing]]) {
    for (const m of items) {
      if (!rows.has(m.category)) rows.set(m.category, { matched: [], missing: [] });
      rows.get(m.category)[key].push(m.name);
    }
  }
  table.tBodies[0].replaceChildren(...[...rows.keys()].sort().map((category) => el("tr", {},
    el("th", { scope: "row", text: category }),
    el("td", { text: rows.get(category).matched.join(", ") || "–" }),
    el("td", { text: rows.get(category).missing.join(", ") || "–" }),
  )));
}

function drawRoles(report) {
  const table = document.getElementById("roles");
  if (!table || !report.roles) return;
  table.tBodies[0].replaceChildren(...report.roles.map((role) => el("tr", {},
    el("td", { text: role.title }), el("td", { text: role.family }), el("td", { className: "num", text: fmt(role.score) }))));
}

// -- the diff against the upload -------------------------------------------------------------

function lineDiff(before, after) {
  // Longest common subsequence of lines; resumes are a few hundred lines at most.
  const a = before.split("\n"), b = after.split("\n");
  if (a.length * b.length > 4_000_000) return null;
  const rows = a.length + 1, cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1] + 1
        : Math.max(table[(i + 1) * cols + j], table[i * cols + j + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; }
    else if (j < b.length && (i === a.length || table[i * cols + j + 1] >= table[(i + 1) * cols + j])) out.push(["+", b[j++]]);
    else out.push(["-", a[i++]]);
  }
  return out;
}

// -- where "I have this" puts a skill ---------------------------------------------------------

const BULLET = /^\s*([•·●▪◦‣*\-–]|\d{1,2}[.)])\s+/;

function bulletRuns(text) {
  // Runs of bullet lines in a section, each with the line that names its role (the first line
  // after the previous run: "Store Manager, HomeWorks Hardware - Indianapolis, IN").
  const lines = text.split("\n");
  const runs = [];
  let labelAt = 1;
  for (let i = 1; i < lines.length; i++) {
    if (!BULLET.test(lines[i])) continue;
    let end = i;
    while (end + 1 < lines.length && BULLET.test(lines[end + 1])) end++;
    const label = lines.slice(labelAt, i).find((line) => line.trim()) || lines[0];
    runs.push({ label: label.trim(), last: end, mark: lines[i].match(BULLET)[0].trimStart() });
    labelAt = end + 1;
    i = end;
  }
  return runs;
}

function withSkillInLine(text, words) {
  // After the last skill of the list: "Linux, Scheduling" -> "Linux, Scheduling, DHCP".
  const lines = text.split("\n");
  let last = lines.length - 1;
  while (last > 0 && !lines[last].trim()) last--;
  const line = lines[last];
  const mark = last > 0 ? line.match(BULLET) : null;
  if (last === 0) lines.splice(1, 0, words); // the heading alone
  else if (mark) lines.splice(last + 1, 0, mark[0].trimStart() + words);
  else if (line.includes(",")) lines[last] = `${line.replace(/[\s,;]+$/, "")}, ${words}`;
  else if (line.includes("|")) lines[last] = `${line.replace(/[\s|]+$/, "")} | ${words}`;
  else lines.splice(last + 1, 0, words);
  return lines.join("\n");
}

function withBullet(text, runIndex, bullet) {
  const lines = text.split("\n");
  const runs = bulletRuns(text);
  const run = runs[runIndex];
  if (run) lines.splice(run.last + 1, 0, run.mark + bullet);
  else lines.push(`• ${bullet}`);
  return lines.join("\n");
}

// -- the editor --------------------------------------------------------------------------------

function setUpEditor(form) {
  const boxes = Array.from(form.querySelectorAll("textarea[name=section]"));
  const original = document.getElementById("original").value;
  const defaults = boxes.map((box) => box.defaultValue);
  const first = JSON.parse(form.dataset.report);
  const undoButton = document.getElementById("undo");
  const restoreButton = document.getElementById("restore");
  const status = document.getElementById("editor-status");
  const effects = document.getElementById("effects");
  const dialog = document.getElementById("have");
  let shown = first; // the report on the page now
  let settled = boxes.map((box) => box.value); // the state the last re-score was asked for
  const history = [];
  let typing = false, timer = null, asked = 0;

  const values = () => boxes.map((box) => box.value);
  const joined = (state) => state.join("\n");
  const section = (name) => boxes.find((box) => box.dataset.section === name);

  function draw(report) {
    drawScore(report);
    drawComponents(report);
    drawSuggestions(report, openHave);
    drawSkills(report);
    drawCategories(report);
    drawRoles(report);
  }

  function drawDiff() {
    const now = joined(values());
    const changes = now === original ? [] : lineDiff(original, now);
    const target = document.getElementById("diff");
    const count = document.getElementById("diff-count");
    document.getElementById("changes").hidden = Boolean(changes && !changes.length && !effects.children.length);
    if (changes === null) {
      count.textContent = "too long to compare line by line";
      target.replaceChildren();
      return;
    }
    const added = changes.filter(([kind]) => kind === "+").length;
    const removed = changes.length - added;
    count.textContent = changes.length ? `${added} line${added === 1 ? "" : "s"} added, ${removed} removed` : "none";
    target.replaceChildren(...changes.map(([kind, line]) =>
      el(kind === "+" ? "ins" : "del", { text: `${kind} ${line}\n` })));
    undoButton.disabled = !history.length;
    restoreButton.disabled = now === original;
  }

  async function rescore() {
    const ticket = ++asked;
    const body = new FormData();
    body.append("text", joined(values()));
    for (const name of ["job", "posting", "all", "name"]) body.append(name, form.elements[name].value);
    status.textContent = "Scoring…";
    let report;
    try {
      const response = await fetch("/api/check", { method: "POST", body, cache: "no-store" });
      report = await response.json();
      if (!response.ok) throw new Error(report.error || `the page answered ${response.status}`);
    } catch (error) {
      if (ticket === asked) status.textContent = `Could not score the text: ${error.message}`;
      return;
    }
    if (ticket !== asked) return; // an older answer arriving after a newer question
    const effect = effectOf(shown, report);
    if (effect) {
      effects.prepend(el("li", { text: effect }));
      while (effects.children.length > KEEP_EFFECTS) effects.lastElementChild.remove();
    }
    const fromUpload = report.score - first.score;
    document.getElementById("score-note").textContent = joined(values()) === original
      ? "The score of the file as uploaded."
      : `The score of the edited text: ${signed(fromUpload)} against the upload (${fmt(first.score)}).`;
    status.textContent = effect ? `Scored: ${effect}` : "Scored: no change to the score.";
    document.getElementById("live").textContent = `Score ${fmt(report.score)}${effect ? ` · ${effect}` : ""}`;
    shown = report;
    draw(report);
    drawDiff();
  }

  function commit(state) {
    // A change the page made (insert, undo, restore): one step of history, re-scored at once.
    window.clearTimeout(timer);
    typing = false;
    state.forEach((value, i) => { boxes[i].value = value; });
    settled = state;
    drawDiff();
    rescore();
  }

  function remember() {
    history.push(settled);
  }

  boxes.forEach((box) => box.addEventListener("input", () => {
    if (!typing) {
      remember();
      typing = true;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      typing = false;
      settled = values();
      drawDiff();
      rescore();
    }, PAUSE_MS);
  }));

  undoButton.addEventListener("click", () => {
    if (typing) { typing = false; settled = values(); }
    const previous = history.pop();
    if (previous) commit(previous);
  });
  restoreButton.addEventListener("click", () => {
    remember();
    const back = joined(defaults) === original ? defaults.slice() : boxes.map((_, i) => (i === 0 ? original : ""));
    commit(back);
  });
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.id === "recheck") {
      event.preventDefault(); // with the script running, the page re-scores in place
      window.clearTimeout(timer);
      settled = values();
      rescore();
    }
  });

  // -- "I have this" ---------------------------------------------------------------------------
  let asking = null;
  function openHave(skill, button) {
    const words = skill.wording || skill.name;
    asking = { skill, words, button };
    dialog.querySelector("#have-skill").textContent = words;
    const experience = section("experience") || section("projects");
    const runs = experience ? bulletRuns(experience.value) : [];
    const role = dialog.querySelector("#have-role");
    role.replaceChildren(...(runs.length ? runs : [{ label: "the end of the section" }]).map((run, i) =>
      el("option", { value: String(i), text: run.label })));
    dialog.querySelector("#have-where-cert").closest("label").hidden = !(skill.category === "certification" && section("certifications"));
    // A licence or physical requirement goes where the advice says: a Licenses line.
    const licence = skill.category === "license/physical";
    dialog.querySelector("#have-where-license").closest("label").hidden = !licence;
    dialog.querySelector(licence ? "#have-where-license" : "#have-where-skills").checked = true;
    const bullet = dialog.querySelector("#have-bullet");
    bullet.value = "";
    bullet.placeholder = `e.g. Set up ${words} for a 40-device office network`;
    dialog.querySelector("#have-error").hidden = true;
    showWhere();
    dialog.showModal();
  }
  function showWhere() {
    dialog.querySelector("#have-bullet-fields").hidden = !dialog.querySelector("#have-where-bullet").checked;
  }
  dialog.querySelectorAll("input[name=where]").forEach((radio) => radio.addEventListener("change", showWhere));
  dialog.querySelector("form").addEventListener("submit", (event) => {
    if (!event.submitter || event.submitter.value !== "add" || !asking) return; // Cancel closes the dialog
    const where = dialog.querySelector("input[name=where]:checked").value;
    const { words } = asking;
    const state = values();
    if (where === "bullet") {
      const bullet = dialog.querySelector("#have-bullet").value.trim();
      const error = dialog.querySelector("#have-error");
      if (!bullet.toLowerCase().includes(words.toLowerCase())) {
        event.preventDefault();
        error.textContent = `Write what you did with ${words}, naming ${words} in the bullet (an ATS searches for the word).`;
        error.hidden = false;
        dialog.querySelector("#have-bullet").focus();
        return;
      }
      const target = section("experience") || section("projects") || boxes[boxes.length - 1];
      const index = boxes.indexOf(target);
      state[index] = withBullet(state[index], Number(dialog.querySelector("#have-role").value), bullet);
    } else if (where === "license") {
      // Into the Licenses and Certifications section where there is one, else a Licenses line of its own.
      const target = section("certifications");
      if (target) {
        const index = boxes.indexOf(target);
        state[index] = withBullet(state[index], 0, words);
      } else {
        state[state.length - 1] = `${state[state.length - 1]}\n\nLicenses\n${words}`;
      }
    } else {
      const name = where === "cert" ? "certifications" : "skills";
      const target = section(name);
      if (target) {
        const index = boxes.indexOf(target);
        state[index] = name === "certifications" ? withBullet(state[index], 0, words) : withSkillInLine(state[index], words);
      } else {
        state[state.length - 1] = `${state[state.length - 1]}\n\nSkills\n${words}`;
      }
    }
    typing = false;
    remember();
    asking.changed = boxes[state.findIndex((value, i) => value !== boxes[i].value)];
    commit(state);
  });
  dialog.addEventListener("close", () => {
    // Back where the keyboard was: the box that changed, or the button that opened the dialog.
    if (asking && asking.changed) asking.changed.focus();
    else if (asking && asking.button.isConnected) asking.button.focus();
    asking = null;
  });

  undoButton.hidden = false;
  restoreButton.hidden = false;
  draw(first);
  drawDiff();
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("editor");
  if (form) setUpEditor(form);
});
