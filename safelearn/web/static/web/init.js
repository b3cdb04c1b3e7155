// Starts GOV.UK Frontend components. Pages work without it; this only adds enhancements.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
