// Enrolment of this browser as a kiosk: the administrator's one-time code, and a WebCrypto key pair
// made here as non-extractable (api.js): the private key never leaves this browser.
import { h, tx, button, heading } from "../dom.js";
import { typedField } from "../typed-field.js";
import { KioskApi, ApiError } from "../api.js";

export function enrolScreen(app) {
  const code = typedField("enrol-code", "enrol.code", "code");
  const submit = async () => {
    code.clearError();
    try {
      await app.enrolled(await KioskApi.enrol(code.value()));
    } catch (e) {
      code.showError(e instanceof ApiError && e.status < 500 ? "enrol.refused" : "error.network");
    }
  };
  const el = h("section", { class: "screen enrol" },
    heading("enrol.title"),
    tx("enrol.lead", undefined, "p", { class: "lead" }),
    code.parts,
    h("div", { class: "actions" }, button("enrol.submit", submit, { kind: "primary" })),
    tx("enrol.keyNote", undefined, "p", { class: "note" }));
  return { el };
}
