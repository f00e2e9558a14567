// Where a dossier ends at the kiosk: the copy (a big QR code to download it), the officer's review,
// a refusal explained in plain words, a rescan asked for, a technical failure. Each shows the receipt
// code, with which the citizen can look the dossier up later at any kiosk.
import { h, tx, lx, button, heading } from "../dom.js";
import { qrSvg } from "../qr.js";
import { dateTime } from "../format.js";
import { typedField, looksLikeEmail } from "../typed-field.js";
import * as i18n from "../i18n.js";

export function receiptBlock(code) {
  return h("div", { class: "receipt" },
    tx("receipt.label", undefined, "p", { class: "receipt-label" }),
    h("p", { class: "receipt-code mono", "aria-label": code.split("").join(" ") }, code),
    tx("receipt.keep", undefined, "p", { class: "note" }));
}

export function reasonList(reasons) {
  return h("ul", { class: "reasons" }, reasons.map((reason) =>
    reason.message ? lx(reason.message, "li") : tx(i18n.has(`reason.${reason.code}`) ? `reason.${reason.code}` : "reason.unknown", undefined, "li")));
}

const finish = (app) => button("result.finish", () => app.home(), { kind: "primary", id: "finish" });

function emailStatus(view) {
  return view.emailStatus && view.emailStatus !== "no-address"
    ? tx(view.emailStatus === "failed" ? "result.emailFailed" : "result.emailSent", undefined, "p", { class: "note email-status" })
    : null;
}

/** The citizen who gave no address may still ask for the copy by e-mail, in a dialog with the keyboard. */
function emailCopyDialog(app, view, onSent) {
  const address = typedField("copy-email", "confirm.email", "email");
  const send = async () => {
    address.clearError();
    const email = address.value();
    if (!looksLikeEmail(email)) {
      address.showError("confirm.emailInvalid");
      return;
    }
    try {
      onSent(await app.api.emailCopy(view.dossierId, email));
      app.closeDialog();
    } catch (e) {
      address.showError(e?.code === "wrong-stage" ? "result.emailTooLate" : "error.generic");
    }
  };
  app.dialog.replaceChildren(
    tx("result.emailTitle", undefined, "h2", { id: "dialog-title" }),
    ...address.parts,
    h("div", { class: "actions" },
      button("common.cancel", () => app.closeDialog(), { kind: "secondary" }),
      button("result.emailSend", send, { kind: "primary", id: "send-copy-email" })));
  app.dialog.showModal();
  address.input.focus();
}

export function resultScreen(app, view) {
  const copy = view.copy ?? {};
  const email = h("div", { class: "email-status-box" });
  const showEmail = (v) => email.replaceChildren(v.emailStatus
    ? emailStatus(v)
    : button("result.emailAsk", () => emailCopyDialog(app, v, (next) => showEmail(next)), { kind: "secondary", icon: "✉", id: "email-copy" }));
  showEmail(view);
  const el = h("section", { class: "screen result" },
    h("div", { class: "outcome-icon success", "aria-hidden": "true" }, "✓"),
    heading("result.title"),
    tx("result.lead", undefined, "p", { class: "lead" }),
    copy.downloadUrl ? h("figure", { class: "qr-frame big", id: "download-qr" }, qrSvg(copy.downloadUrl, "result.qrLabel")) : null,
    h("dl", { class: "copy-facts" },
      tx("result.verification", undefined, "dt"), h("dd", { class: "mono" }, copy.verificationCode ?? ""),
      copy.downloadExpiresAt ? [tx("result.linkValid", undefined, "dt"), h("dd", {}, dateTime(copy.downloadExpiresAt))] : null),
    email,
    receiptBlock(view.receiptCode),
    h("div", { class: "actions" }, finish(app)));
  return { el };
}

export function officerScreen(app, view) {
  const el = h("section", { class: "screen officer" },
    h("div", { class: "outcome-icon waiting", "aria-hidden": "true" }, "👤"),
    heading("officer.title"),
    tx("officer.lead", undefined, "p", { class: "lead" }),
    view.reasons?.length ? [tx("officer.why", undefined, "p", { class: "strong" }), reasonList(view.reasons)] : null,
    receiptBlock(view.receiptCode),
    tx("officer.later", undefined, "p", { class: "note" }),
    h("div", { class: "actions" }, finish(app)));
  return { el, idleSeconds: app.config.waitingIdleSeconds };
}

export function refusedScreen(app, view) {
  const el = h("section", { class: "screen refused" },
    h("div", { class: "outcome-icon stop", "aria-hidden": "true" }, "!"),
    heading("refused.title"),
    tx("refused.why", undefined, "p", { class: "lead" }),
    reasonList(view.reasons?.length ? view.reasons : [{ code: "unknown" }]),
    tx("refused.next", undefined, "p", { class: "note" }),
    receiptBlock(view.receiptCode),
    h("div", { class: "actions" }, finish(app)));
  return { el };
}

export function failedScreen(app, view) {
  const el = h("section", { class: "screen failed" },
    h("div", { class: "outcome-icon stop", "aria-hidden": "true" }, "!"),
    heading("failed.title"),
    tx("failed.lead", undefined, "p", { class: "lead" }),
    receiptBlock(view.receiptCode),
    h("div", { class: "actions" }, finish(app)));
  return { el };
}

export function rescanRequestedScreen(app, view) {
  const el = h("section", { class: "screen rescan-requested" },
    h("div", { class: "outcome-icon waiting", "aria-hidden": "true" }, "↻"),
    heading("rescanRequested.title"),
    tx("rescanRequested.lead", undefined, "p", { class: "lead" }),
    view.reasons?.length ? reasonList(view.reasons) : null,
    receiptBlock(view.receiptCode),
    h("div", { class: "actions" },
      button("rescanRequested.now", () => app.act(() => app.resume(view.receiptCode)), { kind: "primary", id: "rescan-now" }),
      finish(app)));
  return { el };
}
