// Status lookup by receipt code (the public, anonymous lookup: status and result, no personal data),
// and the resumption of a dossier an officer sent back for a rescan.
import { h, tx, lx, button, heading } from "../dom.js";
import { typedField } from "../typed-field.js";
import { dateTime } from "../format.js";
import { qrSvg } from "../qr.js";
import { receiptBlock, reasonList } from "./outcome.js";
import * as i18n from "../i18n.js";

export function lookupScreen(app, mode) {
  const field = typedField("receipt-code", "lookup.code", "code");
  const answer = h("div", { class: "lookup-answer", "aria-live": "polite" });
  const form = h("div", { class: "lookup-form" },
    field.parts,
    h("div", { class: "actions" }, button("lookup.submit", () => look(), { kind: "primary", id: "lookup-submit" })));

  const look = async () => {
    field.clearError();
    answer.replaceChildren();
    const code = field.value();
    if (code.length !== 12) {
      field.showError("lookup.incomplete");
      return;
    }
    let response;
    try {
      response = await fetch(`/api/public/dossiers/${encodeURIComponent(code)}`, { headers: { Accept: "application/json" } });
    } catch {
      field.showError("error.network");
      return;
    }
    if (response.status === 404) {
      field.showError("lookup.notFound");
      return;
    }
    if (!response.ok) {
      field.showError(response.status === 429 ? "error.rate-limited" : "error.generic");
      return;
    }
    const status = await response.json();
    if (mode === "resume" && status.resumable) {
      await resume(status.receiptCode);
      return;
    }
    show(status);
  };

  const resume = (code) => app.act(() => app.resume(code));

  const show = (status) => {
    form.hidden = true;
    answer.replaceChildren(
      h("dl", { class: "status-facts" },
        tx("lookup.status", undefined, "dt"), h("dd", {}, lx(status.statusText, "strong")),
        tx("lookup.received", undefined, "dt"), h("dd", {}, dateTime(status.createdAt)),
        status.completedAt ? [tx("lookup.completed", undefined, "dt"), h("dd", {}, dateTime(status.completedAt))] : null),
      status.reasons?.length ? reasonList(status.reasons) : null,
      status.copy?.downloadUrl ? [tx("result.lead", undefined, "p"), h("figure", { class: "qr-frame" }, qrSvg(status.copy.downloadUrl, "result.qrLabel"))] : null,
      mode === "resume" && !status.resumable ? tx("lookup.notResumable", undefined, "p", { class: "note" }) : null,
      receiptBlock(status.receiptCode),
      h("div", { class: "actions" },
        status.resumable ? button("lookup.resume", () => resume(status.receiptCode), { kind: "primary", id: "resume" }) : null,
        button("lookup.another", () => { form.hidden = false; answer.replaceChildren(); field.input.value = ""; field.input.focus(); }, { kind: "secondary" }),
        button("result.finish", () => app.home(), { kind: "secondary" })));
    i18n.apply(answer);
    answer.querySelector("dl")?.setAttribute("tabindex", "-1");
    answer.querySelector("dl")?.focus();
  };

  const el = h("section", { class: "screen lookup" },
    heading(mode === "resume" ? "lookup.titleResume" : "lookup.title"),
    tx(mode === "resume" ? "lookup.leadResume" : "lookup.lead", undefined, "p", { class: "lead" }),
    form,
    answer);
  return { el };
}
