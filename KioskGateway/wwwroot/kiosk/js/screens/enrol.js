// Enrolment of this browser as a kiosk: the administrator's one-time code, and a WebCrypto key pair
// made here as non-extractable (api.js): the private key never leaves this browser.
import { h, tx, button, heading } from "../dom.js";
import { keyboard } from "../keyboard.js";
import { groupCode } from "../format.js";
import { KioskApi, ApiError } from "../api.js";

export function enrolScreen(app) {
  const input = h("input", { id: "enrol-code", class: "code-input", autocomplete: "off", inputmode: "none", spellcheck: "false", maxlength: "14", "aria-describedby": "enrol-error" });
  input.addEventListener("input", () => { input.value = groupCode(input.value); });
  const error = h("p", { id: "enrol-error", class: "field-error", role: "alert" });
  const submit = async () => {
    error.replaceChildren();
    try {
      await app.enrolled(await KioskApi.enrol(input.value.replaceAll("-", "")));
    } catch (e) {
      error.replaceChildren(tx(e instanceof ApiError && e.status < 500 ? "enrol.refused" : "error.network"));
    }
  };
  const el = h("section", { class: "screen enrol" },
    heading("enrol.title"),
    tx("enrol.lead", undefined, "p", { class: "lead" }),
    h("label", { for: "enrol-code", class: "field-label" }, tx("enrol.code")),
    input,
    error,
    keyboard(input, "code", { format: groupCode }),
    h("div", { class: "actions" }, button("enrol.submit", submit, { kind: "primary" })),
    tx("enrol.keyNote", undefined, "p", { class: "note" }));
  return { el };
}
