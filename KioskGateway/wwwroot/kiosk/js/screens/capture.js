// Stage kiosk.scan (or kiosk.rescan): the citizen photographs or scans each page of the original.
import { h, tx, lx, heading } from "../dom.js";
import { capturePanel } from "../capture-panel.js";

export function captureScreen(app, view) {
  const { type } = app.session;
  const rescan = view.stage === "kiosk.rescan";
  const issues = h("div", { class: "previous-issues", role: "alert" });
  const showIssues = (v) => issues.replaceChildren(...(v.qualityIssues?.length
    ? [tx("capture.previousIssues", undefined, "p", { class: "strong" }), h("ul", {}, v.qualityIssues.map((issue) => lx(issue.message, "li")))]
    : []));
  showIssues(view);
  let submitted = false;

  const panel = capturePanel(app, {
    kind: "page",
    maxPages: type.maxPages ?? 20,
    shape: type.key === "cccd" ? "card" : "a4",
    doneKey: "capture.done",
    onDone: async (uploads, source) => {
      submitted = true;
      if (!(await app.submit("scan", () => app.api.scan(view.dossierId, uploads.map((u) => u.sha256), source)))) {
        submitted = false; // not delivered: the pages are still here to send again
        panel.unlock();
      }
    },
  });

  const el = h("section", { class: "screen capture" },
    heading(rescan ? "capture.titleRescan" : "capture.title"),
    h("p", { class: "lead" }, tx(type.key === "cccd" ? "capture.leadCard" : "capture.leadPage"), " ", lx(type.name, "strong")),
    issues,
    panel.el);

  return {
    el,
    update(next) {
      // Uploads change the dossier too; only after the pages were handed over does a scan stage mean
      // the workflow looked at them and wants them again: say why, start with an empty list.
      if (submitted && next.revision !== view.revision && (next.stage === "kiosk.scan" || next.stage === "kiosk.rescan")) {
        submitted = false;
        view = next;
        panel.reset();
        showIssues(next);
      }
    },
    dispose: () => panel.dispose(),
  };
}
