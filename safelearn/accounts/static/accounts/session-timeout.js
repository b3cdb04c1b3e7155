// Warns a signed-in user before the inactivity sign-out. Without JavaScript the sign-out still happens
// on the server; this file only adds the warning and a "Stay signed in" button.
(function () {
  "use strict";
  const banner = document.querySelector("[data-sl-session-timeout]");
  if (!banner) return;
  const idle = Number(banner.dataset.slSessionTimeout) * 1000;
  const warnBefore = Number(banner.dataset.slWarnBefore) * 1000;
  const message = banner.querySelector("[data-sl-session-timeout-message]");
  const button = banner.querySelector("[data-sl-stay-signed-in]");
  let warnTimer = 0;
  let outTimer = 0;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(outTimer);
    banner.hidden = true;
    warnTimer = window.setTimeout(function () {
      banner.hidden = false;
      banner.focus();
    }, Math.max(idle - warnBefore, 1000));
    outTimer = window.setTimeout(function () {
      if (message) message.textContent = "You have been signed out because you did not do anything for a while.";
      if (button) button.hidden = true;
    }, idle);
  }

  if (button) {
    button.addEventListener("click", function () {
      fetch(banner.dataset.slKeepalive, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 204) {
          schedule();
        } else {
          window.location.href = banner.dataset.slSignin;
        }
      });
    });
  }
  schedule();
})();
