// A field typed on the kiosk's own keyboard — a receipt or enrolment code, or an e-mail address: its
// label, the input, the line for its error and the keys it needs. The parts are placed by the screen.
import { h, tx } from "./dom.js";
import { keyboard } from "./keyboard.js";
import { groupCode } from "./format.js";

const KINDS = {
  code: { attributes: { class: "code-input", maxlength: "14" }, format: groupCode },
  email: { attributes: { class: "text-input", type: "email", maxlength: "254" } },
};

/** @param {"code"|"email"} kind */
export function typedField(id, labelKey, kind) {
  const { attributes, format } = KINDS[kind];
  const input = h("input", { id, autocomplete: "off", inputmode: "none", spellcheck: "false", "aria-describedby": `${id}-error`, ...attributes });
  if (format) input.addEventListener("input", () => { input.value = format(input.value); });
  const error = h("p", { id: `${id}-error`, class: "field-error", role: "alert" });
  return {
    input,
    parts: [h("label", { for: id, class: "field-label" }, tx(labelKey)), input, error, keyboard(input, kind, { format })],
    /** The code without its dashes, or the address as typed, trimmed. */
    value: () => (kind === "code" ? input.value.replaceAll("-", "") : input.value.trim()),
    showError: (key) => error.replaceChildren(tx(key)),
    clearError: () => error.replaceChildren(),
  };
}

/** An address the gateway may accept (it checks it properly); catches what a slip of the finger makes. */
export function looksLikeEmail(text) {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
}
