// GOV.UK "Exit this page" (button, or Shift pressed three times), changed in one way: it leaves with
// location.replace, so the page the person was on is taken out of the browser history and Back does not
// return to it. The link goes through our quick-exit URL, which forgets the draft before moving on.
import { ExitThisPage } from "/static/govuk/govuk-frontend.min.js";

class LeaveWithoutTrace extends ExitThisPage {
  exitPage() {
    if (!this.$updateSpan) return;
    this.$updateSpan.textContent = "";
    document.body.classList.add("govuk-exit-this-page-hide-content");
    this.$overlay = document.createElement("div");
    this.$overlay.className = "govuk-exit-this-page-overlay";
    this.$overlay.setAttribute("role", "alert");
    document.body.appendChild(this.$overlay);
    this.$overlay.textContent = this.i18n.t("activated");
    window.location.replace(this.$button.href);
  }
}

// After every module script has run, so web/init.js has marked the page as supported by GOV.UK Frontend.
document.addEventListener("DOMContentLoaded", () => {
  for (const root of document.querySelectorAll('[data-module="sl-exit-this-page"]')) {
    try {
      new LeaveWithoutTrace(root);
    } catch {
      // An old browser: the button is still a working link to the quick-exit page.
    }
  }
});
