// Processing: what the system is doing now, named after the citizen's last step.
import { h, tx, lx, heading } from "../dom.js";

const STEP_TEXT = { scan: "progress.scan", consent: "progress.consent", identity: "progress.identity", confirmation: "progress.confirmation", payment: "progress.issue" };

export function progressScreen(app, view) {
  const text = h("p", { class: "progress-step", role: "status" });
  const show = (v) => text.replaceChildren(
    v.status === "Capturing" && v.stageText ? lx(v.stageText)
      : tx(STEP_TEXT[app.session.lastAction] ?? "progress.default"));
  show(view);
  const el = h("section", { class: "screen progress" },
    heading("progress.title"),
    h("div", { class: "big-spinner", "aria-hidden": "true" }),
    text,
    tx("progress.note", undefined, "p", { class: "note" }));
  return { el, idleSeconds: app.config.waitingIdleSeconds, update: show };
}
