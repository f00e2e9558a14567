// Stage kiosk.consent: consent to the face check in plain words (Decree 13/2023 on personal data).
import { h, tx, button, heading } from "../dom.js";

export function consentScreen(app, view) {
  const decline = () => app.openDialog("consent.declineTitle", "consent.declineLead", [
    button("consent.back", () => app.closeDialog(), { kind: "secondary", "data-autofocus": true }),
    button("consent.declineConfirm", () => { app.closeDialog(); app.submit("consent", () => app.api.consent(view.dossierId, false)); }, { kind: "danger" }),
  ]);
  const el = h("section", { class: "screen consent" },
    heading("consent.title"),
    h("div", { class: "consent-text" },
      h("img", { src: "img/steps/face.svg", alt: "", width: "120", height: "120", class: "consent-picture" }),
      h("ul", { class: "plain-list" },
        tx("consent.what", undefined, "li"),
        tx("consent.why", undefined, "li"),
        tx("consent.kept", undefined, "li"),
        tx("consent.rights", undefined, "li"))),
    h("div", { class: "actions" },
      button("consent.agree", () => app.submit("consent", () => app.api.consent(view.dossierId, true)), { kind: "primary huge", icon: "✓" }),
      button("consent.decline", decline, { kind: "secondary" })));
  return { el };
}
