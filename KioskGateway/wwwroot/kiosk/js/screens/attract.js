// The idle/attract screen: what the kiosk does, in four pictures, and the three ways in.
import { h, tx, button, heading } from "../dom.js";

const STEPS = [
  ["attract.step1", "img/steps/choose.svg"],
  ["attract.step2", "img/steps/scan.svg"],
  ["attract.step3", "img/steps/face.svg"],
  ["attract.step4", "img/steps/receive.svg"],
];

export function attractScreen(app) {
  const el = h("section", { class: "screen attract" },
    heading("attract.title"),
    tx("attract.lead", undefined, "p", { class: "lead" }),
    h("ol", { class: "attract-steps" }, STEPS.map(([key, picture], index) =>
      h("li", {}, h("img", { src: picture, alt: "", width: "96", height: "96" }),
        h("span", { class: "step-number", "aria-hidden": "true" }, String(index + 1)), tx(key)))),
    h("div", { class: "actions stacked" },
      button("attract.start", () => app.chooseType(), { kind: "primary huge", icon: "▶" }),
      button("attract.lookup", () => app.lookup("status"), { kind: "secondary", icon: "🔍" }),
      button("attract.resume", () => app.lookup("resume"), { kind: "secondary", icon: "↻" })),
    tx("attract.privacy", undefined, "p", { class: "note" }));
  return { el };
}
