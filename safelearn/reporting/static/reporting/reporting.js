// Progressive enhancements for the reporting pages. Everything works without this file.

// Copy and print the receipt code (buttons are hidden until this script shows them).
for (const button of document.querySelectorAll("[data-sl-copy]")) {
  const source = document.getElementById(button.dataset.slCopy);
  const status = document.getElementById("copy-status");
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      if (status) status.textContent = "Your code has been copied. Paste it somewhere safe.";
    } catch {
      if (status) status.textContent = "Copying did not work. Write the code down instead.";
    }
  });
}
for (const button of document.querySelectorAll("[data-sl-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Session time-out warning: a few minutes before the answers would be forgotten, say so.
const timeout = document.querySelector("[data-sl-timeout]");
if (timeout) {
  const seconds = Number(timeout.dataset.slTimeout);
  const warnAfter = Math.max(seconds - 5 * 60, 1) * 1000;
  window.setTimeout(() => {
    timeout.hidden = false;
    timeout.focus();
  }, warnAfter);
}
