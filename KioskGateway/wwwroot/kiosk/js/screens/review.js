// Stage kiosk.confirmation: the recognised details in large type — nothing to type. A citizen who sees
// a mistake marks the wrong lines and the dossier goes to the officer, who corrects them (no free
// editing at a public kiosk). Then the fee, an optional e-mail address, and the confirmation.
import { h, tx, lx, button, heading } from "../dom.js";
import { typedField, looksLikeEmail } from "../typed-field.js";
import { dong } from "../format.js";
import * as i18n from "../i18n.js";

const UNSURE_BELOW = 0.75;

export function reviewScreen(app, view) {
  const el = h("section", { class: "screen review" });
  const fields = (view.fields ?? []).filter((f) => f.label && f.value);
  const disputed = new Set();

  const showDetails = (disputing, focusKey) => {
    const rows = fields.map((field) => {
      const unsure = field.confidence < UNSURE_BELOW;
      const content = [
        lx(field.label, "span", { class: "field-name" }),
        h("span", { class: "field-value" }, field.value),
        unsure ? tx("review.unsure", undefined, "span", { class: "badge" }) : null,
        disputing && disputed.has(field.key) ? tx("review.markedWrong", undefined, "span", { class: "badge wrong" }) : null,
      ];
      return h("li", { class: unsure ? "unsure" : "" }, disputing
        ? h("button", { type: "button", class: "field-row toggle", "aria-pressed": String(disputed.has(field.key)), "data-field": field.key,
          onclick: () => { disputed.has(field.key) ? disputed.delete(field.key) : disputed.add(field.key); showDetails(true, field.key); } }, content)
        : h("div", { class: "field-row", "data-field": field.key }, content));
    });
    el.replaceChildren(
      heading("review.title"),
      tx(disputing ? "review.pickWrong" : fields.length ? "review.lead" : "review.noFields", undefined, "p", { class: "lead" }),
      fields.length ? h("ul", { class: "fields" }, rows) : null,
      disputing
        ? h("div", { class: "actions" },
          button("review.sendToOfficer", () => showConfirm(), { kind: "primary", disabled: disputed.size === 0, id: "send-to-officer" }),
          button("review.cancelWrong", () => { disputed.clear(); showDetails(false); }, { kind: "secondary" }))
        : h("div", { class: "actions" },
          button(fields.length ? "review.correct" : "review.continue", () => showConfirm(), { kind: "primary huge", icon: "✓", id: "details-correct" }),
          fields.length ? button("review.wrong", () => showDetails(true), { kind: "secondary", icon: "✎", id: "details-wrong" }) : null));
    i18n.apply(el);
    (focusKey ? el.querySelector(`[data-field="${CSS.escape(focusKey)}"]`) : el.querySelector("h1")).focus();
  };

  const showConfirm = () => {
    const fee = view.fee;
    const address = typedField("email", "confirm.email", "email");
    const emailBox = h("div", { class: "email-box", hidden: true }, address.parts);
    const emailToggle = button("confirm.emailAsk", () => {
      emailBox.hidden = !emailBox.hidden;
      emailToggle.setAttribute("aria-expanded", String(!emailBox.hidden));
      if (!emailBox.hidden) address.input.focus();
    }, { kind: "secondary", icon: "✉", "aria-expanded": "false", "aria-controls": "email-box", id: "email-toggle" });
    emailBox.id = "email-box";
    const payable = fee && fee.totalDong > 0;
    const confirm = async () => {
      address.clearError();
      const email = emailBox.hidden ? "" : address.value();
      if (email && !looksLikeEmail(email)) {
        address.showError("confirm.emailInvalid");
        address.input.focus();
        return;
      }
      await app.submit("confirmation", () => app.api.confirm(view.dossierId, email || undefined, [...disputed]));
    };
    el.replaceChildren(
      heading("confirm.title"),
      disputed.size
        ? h("p", { class: "note officer-note" }, tx("review.disputedNote"), " ", fields.filter((f) => disputed.has(f.key)).map((f, i) => [i ? ", " : "", lx(f.label)]))
        : null,
      h("div", { class: "confirm-layout" },
        h("div", { class: "confirm-main" },
          h("dl", { class: "fee" },
            tx("confirm.fee", undefined, "dt"),
            h("dd", {}, payable ? lx(dong(fee.totalDong), "strong", { class: "amount" }) : tx("confirm.noFee", undefined, "strong")),
            tx("confirm.feeBasis", undefined, "dd", { class: "note" })),
          emailToggle,
          h("div", { class: "actions" },
            button(payable ? "confirm.submitPay" : "confirm.submit", confirm, { kind: "primary huge", id: "confirm" }),
            button("common.back", () => showDetails(false), { kind: "secondary" }))),
        emailBox));
    i18n.apply(el);
    el.querySelector("h1").focus();
  };

  showDetails(false);
  return { el };
}
