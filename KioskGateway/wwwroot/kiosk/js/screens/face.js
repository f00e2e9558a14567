// Stage kiosk.identity: the face capture with a guide oval and the liveness challenge the workflow
// drew (blink, turn left, turn right in a random order). A document without a portrait is matched
// against the citizen's own ID card, photographed first. Frames are uploaded, then handed over at once;
// the workflow deletes them as soon as it has decided.
import { h, tx, lx, button, heading } from "../dom.js";
import { Camera } from "../camera.js";
import { capturePanel } from "../capture-panel.js";
import * as i18n from "../i18n.js";

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ICONS = { Blink: "😑", TurnLeft: "⬅", TurnRight: "➡" };

function challengeOf(view) {
  const c = view.challenge ?? {};
  const steps = c.steps ?? c.Steps ?? [];
  const instructions = c.instructions ?? c.Instructions ?? [];
  return steps.map((step, index) => ({ step, text: instructions[index] ?? { vi: step, en: step } }));
}

export function faceScreen(app, view) {
  const { type } = app.session;
  const framesPerStep = app.config.faceFramesPerStep ?? 3;
  const el = h("section", { class: "screen face" });
  let idCard = app.session.idCard;
  let panel;
  let camera;
  let running = false;
  let disposed = false;

  const showIdCard = () => {
    panel = capturePanel(app, {
      kind: "id-card",
      maxPages: 1,
      shape: "card",
      doneKey: "face.idCardDone",
      onDone: (uploads) => {
        idCard = uploads[0].sha256;
        app.session.idCard = idCard;
        panel.dispose();
        panel = undefined;
        showFace();
      },
    });
    el.replaceChildren(heading("face.idCardTitle"), tx("face.idCardLead", undefined, "p", { class: "lead" }), panel.el);
    i18n.apply(el);
    el.querySelector("h1").focus();
  };

  const showFace = () => {
    const video = h("video", { class: "camera mirrored", muted: true, playsinline: true, "aria-hidden": "true" });
    const instruction = h("p", { class: "instruction", role: "status", "aria-live": "assertive" }, tx("face.placeFace"));
    const progress = h("progress", { max: "1", value: "0", class: "capture-progress", "aria-label": i18n.t("face.progress"), "data-i18n-label": "face.progress" });
    const startButton = button("face.start", () => run(), { kind: "primary huge", icon: "●", id: "start-face", disabled: true });
    const retryButton = button("face.retry", () => run(), { kind: "secondary", hidden: true });
    const challenge = challengeOf(view);

    const setInstruction = (node, icon) => instruction.replaceChildren(icon ? h("span", { class: "icon big", "aria-hidden": "true" }, icon) : "", node);

    const run = async () => {
      if (running || !camera?.ready) return;
      running = true;
      startButton.disabled = true;
      retryButton.hidden = true;
      const frames = [];
      try {
        for (const n of [3, 2, 1]) {
          setInstruction(tx("face.getReady", { n }));
          await wait(700);
          if (disposed) return;
        }
        setInstruction(tx("face.lookStraight"), "🙂");
        for (let i = 0; i < 2; i++) { frames.push(await camera.snapshot(1280, 0.9)); await wait(250); }
        for (const { step, text } of challenge) {
          setInstruction(lx(text), ICONS[step]);
          await wait(900);
          for (let i = 0; i < framesPerStep; i++) { frames.push(await camera.snapshot(1280, 0.9)); await wait(300); }
          if (disposed) return;
        }
        setInstruction(tx("face.sending"));
        const hashes = [];
        for (const [index, frame] of frames.entries()) {
          const answer = await app.idle.whileWaiting(() => app.api.upload(view.dossierId, "frame", frame, "Camera"));
          if (disposed) return; // the session ended: its frames are deleted with its dossier
          hashes.push(answer.sha256);
          progress.value = (index + 1) / frames.length;
        }
        camera.stop();
        const answered = await app.submit("identity", () => app.api.identityCheck(view.dossierId, hashes, type.hasPortrait ? undefined : idCard));
        if (!answered && !disposed) {
          await camera.start("user").catch(() => undefined);
          setInstruction(tx("face.tryAgain"));
          retryButton.hidden = false;
        }
      } catch (error) {
        if (disposed) return;
        app.fail(error);
        setInstruction(tx("face.tryAgain"));
        retryButton.hidden = false;
      } finally {
        running = false;
      }
    };

    el.replaceChildren(
      heading("face.title"),
      tx("face.lead", undefined, "p", { class: "lead" }),
      h("div", { class: "face-layout" },
        h("div", { class: "viewfinder guide-oval" }, video, h("div", { class: "guide", "aria-hidden": "true" }), instruction),
        h("div", { class: "capture-side" },
          h("ol", { class: "challenge-steps" }, tx("face.lookStraight", undefined, "li"), challenge.map(({ step, text }) => h("li", {}, h("span", { class: "icon", "aria-hidden": "true" }, ICONS[step] ?? ""), lx(text)))),
          progress,
          h("div", { class: "actions" }, startButton, retryButton))));
    i18n.apply(el);
    el.querySelector("h1")?.focus();

    camera = new Camera(video);
    camera.start("user")
      .then(() => { startButton.disabled = false; })
      .catch(() => setInstruction(tx("face.noCamera")));
  };

  if (!type.hasPortrait && !idCard) showIdCard();
  else showFace();

  return {
    el,
    dispose() {
      disposed = true;
      panel?.dispose();
      camera?.stop();
    },
  };
}
