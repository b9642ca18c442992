// resumematch's page script: drag and drop onto file fields, sortable ranking tables, and
// progress without a full-page refresh. The page works without it (forms post, the progress
// page refreshes itself). Text from resumes is only ever moved as DOM text, never as HTML.
"use strict";

function setUpDrop(zone) {
  const input = document.getElementById(zone.dataset.dropFor);
  if (!input) return;
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    const files = event.dataTransfer.files;
    if (!files.length) return;
    const chosen = new DataTransfer();
    for (const file of input.multiple ? files : [files[0]]) chosen.items.add(file);
    input.files = chosen.files;
    input.dispatchEvent(new Event("change"));
  });
}

function cellValue(row, index, kind) {
  const text = row.cells[index].textContent.replace("★", "").trim();
  if (kind !== "number") return text.toLowerCase();
  return text === "" ? Number.POSITIVE_INFINITY : parseFloat(text);
}

function setUpSort(table) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((header, index) => {
    const button = header.querySelector("button");
    if (!button) return;
    button.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const kind = header.dataset.sort;
      rows.sort((a, b) => {
        const x = cellValue(a, index, kind), y = cellValue(b, index, kind);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    });
  });
}

function followProgress(label) {
  // The page refreshes itself every second anyway; this keeps the bar moving in between.
  const bar = document.getElementById("progress");
  const poll = () => fetch(label.dataset.progressUrl, { cache: "no-store" })
    .then((response) => response.json())
    .then((state) => {
      if (state.finished) {
        window.location.replace(label.dataset.resultUrl);
        return;
      }
      bar.max = state.total || 1;
      bar.value = state.done;
      label.textContent = `${state.done} of ${state.total} files read…`;
      window.setTimeout(poll, 400);
    })
    .catch(() => {});
  poll();
}

function setUpJobChoice(fieldset) {
  // Say which job the check will use when the form names both a role and a posting.
  const role = fieldset.querySelector("#job"), pasted = fieldset.querySelector("#posting");
  const file = fieldset.querySelector("#posting_file"), note = fieldset.querySelector("#job-choice");
  const general = note.textContent;
  const update = () => {
    const posting = file.files.length ? "the posting file" : pasted.value.trim() ? "the pasted posting" : "";
    const title = role.selectedIndex > 0 ? role.options[role.selectedIndex].textContent : "";
    note.textContent = posting && title ? `You chose ${title} and gave a posting: ${posting} will be used, not ${title}.`
      : general;
    note.classList.toggle("both", Boolean(posting && title));
  };
  [role, pasted, file].forEach((field) => field.addEventListener("input", update));
  role.addEventListener("change", update);
  file.addEventListener("change", update);
  update();
}

document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job-choice");
  if (job) setUpJobChoice(job.closest("fieldset"));
  document.querySelectorAll("[data-drop-for]").forEach(setUpDrop);
  document.querySelectorAll("table.sortable").forEach(setUpSort);
  const label = document.querySelector("[data-progress-url]");
  if (label) followProgress(label);
});
