// The kiosk was disabled by an administrator: nothing to do here but go to the counter.
import { h, tx, heading } from "../dom.js";

export function outOfServiceScreen() {
  const el = h("section", { class: "screen out-of-service" },
    heading("outOfService.title"),
    tx("outOfService.lead", undefined, "p", { class: "lead" }));
  return { el };
}
