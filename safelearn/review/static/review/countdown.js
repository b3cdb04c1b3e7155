// Keeps "Acknowledge within N minutes" / "Overdue by N minutes" current without reloading the page.
// The server renders the same words, so the page is right without JavaScript too.
const tags = document.querySelectorAll("[data-sl-ack-due]");

function words(due) {
  const seconds = (due - Date.now()) / 1000;
  const minutes = Math.max(Math.ceil(Math.abs(seconds) / 60), 1);
  const unit = minutes === 1 ? "minute" : "minutes";
  return seconds <= 0 ? `Overdue by ${minutes} ${unit}` : `Acknowledge within ${minutes} ${unit}`;
}

function tick() {
  for (const tag of tags) {
    const due = Date.parse(tag.dataset.slAckDue);
    if (!Number.isNaN(due)) tag.textContent = words(due);
  }
}

if (tags.length) {
  tick();
  setInterval(tick, 15000);
}
