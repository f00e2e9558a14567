// Taking pictures of a document: the live camera with a guide frame and instant advice, or an image
// from the kiosk's scanner; each picture goes to the gateway at once and its quality gate answers
// (a picture that fails is not kept, and the citizen is told why in plain words).
import { h, tx, lx, button } from "./dom.js";
import { Camera } from "./camera.js";
import { LiveQuality } from "./live-quality.js";
import * as i18n from "./i18n.js";

const ACCEPT = "image/jpeg,image/png,image/tiff,application/pdf";

/**
 * @param {object} app the kiosk app
 * @param {{kind: "page"|"id-card", maxPages: number, shape: "card"|"a4", doneKey: string, onDone: (uploads: {sha256: string}[], source: string) => void}} options
 */
export function capturePanel(app, { kind, maxPages, shape, doneKey, onDone }) {
  const dossierId = app.session.view.dossierId;
  const uploads = [];
  let busy = false;
  let disposed = false;

  const video = h("video", { class: "camera", muted: true, playsinline: true, "aria-hidden": "true" });
  const hint = h("p", { class: "hint", role: "status", "aria-live": "polite" });
  const viewfinder = h("div", { class: `viewfinder guide-${shape}` }, video, h("div", { class: "guide", "aria-hidden": "true" }), hint);
  const feedback = h("div", { class: "feedback", "aria-live": "assertive" });
  const pageList = h("ul", { class: "pages", "aria-label": i18n.t("capture.pagesLabel"), "data-i18n-label": "capture.pagesLabel" });
  const counter = h("p", { class: "page-count" });
  // Hidden: the scanner button opens it, so it needs no label or focus of its own.
  const file = h("input", { type: "file", accept: ACCEPT, id: `scanner-${kind}`, hidden: true });
  const takeButton = button("capture.take", () => take(), { kind: "primary huge", icon: "📷", id: "take-picture" });
  const scannerButton = button("capture.scanner", () => file.click(), { kind: "secondary", icon: "🖨", id: "use-scanner" });
  const doneButton = button(doneKey, () => finish(), { kind: "primary", id: "capture-done", disabled: true });

  const camera = new Camera(video);
  let quality;
  let lastHint;

  const showHint = (code) => {
    if (code === lastHint) return;
    lastHint = code;
    hint.className = `hint hint-${code}`;
    hint.replaceChildren(tx(`hint.${code}`));
  };

  const startCamera = async () => {
    if (!Camera.available()) return noCamera();
    try {
      await camera.start("environment");
      viewfinder.classList.add("live");
      quality = new LiveQuality(video, (code) => showHint(code));
    } catch {
      noCamera();
    }
  };

  const noCamera = () => {
    viewfinder.classList.add("no-camera");
    takeButton.disabled = true;
    hint.replaceChildren(tx("capture.noCamera"));
  };

  const refresh = () => {
    pageList.replaceChildren(...uploads.map((upload, index) =>
      h("li", {},
        h("img", { src: upload.url, alt: "" }),
        tx("capture.pageN", { n: index + 1 }),
        button("capture.remove", () => remove(index), { kind: "ghost small", params: { n: index + 1 } }))));
    counter.replaceChildren(tx("capture.count", { count: uploads.length, max: maxPages }));
    const full = uploads.length >= maxPages;
    takeButton.disabled = full || busy || !camera.ready;
    scannerButton.disabled = full || busy;
    doneButton.disabled = uploads.length === 0 || busy;
  };

  const remove = (index) => {
    URL.revokeObjectURL(uploads[index].url);
    uploads.splice(index, 1);
    feedback.replaceChildren();
    refresh();
    (takeButton.disabled ? scannerButton : takeButton).focus(); // the removed button had the focus
  };

  const send = async (blob, source) => {
    busy = true;
    refresh();
    feedback.replaceChildren(h("p", { class: "checking" }, h("span", { class: "spinner", "aria-hidden": "true" }), tx("capture.checking")));
    try {
      const answer = await app.idle.whileWaiting(() => app.api.upload(dossierId, kind, blob, source));
      if (disposed) return; // the session ended meanwhile: keep nothing of it
      if (answer.accepted) {
        uploads.push({ sha256: answer.sha256, source, url: URL.createObjectURL(blob) });
        feedback.replaceChildren(h("p", { class: "accepted" }, h("span", { class: "icon", "aria-hidden": "true" }, "✓"), tx("capture.accepted", { n: uploads.length })));
      } else {
        feedback.replaceChildren(h("div", { class: "rejected" },
          tx("capture.rejected", undefined, "p", { class: "strong" }),
          h("ul", {}, answer.issues.map((issue) => lx(issue.message, "li")))));
      }
    } catch (error) {
      if (disposed) return;
      feedback.replaceChildren(h("div", { class: "rejected" }, tx(app.errorKey(error), undefined, "p", { class: "strong" })));
    } finally {
      busy = false;
      refresh();
    }
  };

  const take = async () => {
    if (busy || !camera.ready) return;
    await send(await camera.snapshot(), "Camera");
  };

  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    file.value = "";
    if (chosen) await send(chosen, "Scanner");
  });

  const finish = () => {
    if (uploads.length === 0) return;
    doneButton.disabled = true;
    onDone(uploads, uploads.every((u) => u.source === "Scanner") ? "Scanner" : "Camera");
  };

  const el = h("div", { class: "capture-panel" },
    viewfinder,
    h("div", { class: "capture-side" },
      h("div", { class: "actions" }, takeButton, scannerButton, file),
      feedback,
      counter,
      pageList,
      h("div", { class: "actions" }, doneButton)));

  refresh();
  startCamera().then(refresh);

  return {
    el,
    /** The workflow sent the pages back (unreadable): start again with an empty list. */
    reset() {
      for (const upload of uploads) URL.revokeObjectURL(upload.url);
      uploads.length = 0;
      feedback.replaceChildren();
      refresh();
    },
    /** The hand-over failed: the pages can be sent again. */
    unlock: refresh,
    dispose() {
      disposed = true;
      quality?.stop();
      camera.stop();
      for (const upload of uploads) URL.revokeObjectURL(upload.url);
    },
  };
}
