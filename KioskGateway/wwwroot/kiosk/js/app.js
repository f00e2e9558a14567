// The kiosk touch screen: a static app that talks only to the public kiosk API (api.js), so a native
// kiosk application could replace it. A session is a dossier; which screen shows is decided by the
// dossier's status and the stage its workflow waits in (screenFor), so an administrator's own workflow
// drives the same screens. Nothing of a session survives it: the idle timeout and "start over" wipe it.
import * as i18n from "./i18n.js";
import { h, tx, button } from "./dom.js";
import { KioskApi, ApiError } from "./api.js";
import * as keystore from "./keystore.js";
import { IdleWatch } from "./idle.js";
import { enrolScreen } from "./screens/enrol.js";
import { attractScreen } from "./screens/attract.js";
import { chooseTypeScreen } from "./screens/choose-type.js";
import { captureScreen } from "./screens/capture.js";
import { consentScreen } from "./screens/consent.js";
import { faceScreen } from "./screens/face.js";
import { reviewScreen } from "./screens/review.js";
import { paymentScreen } from "./screens/payment.js";
import { progressScreen } from "./screens/progress.js";
import { officerScreen, resultScreen, refusedScreen, failedScreen, rescanRequestedScreen } from "./screens/outcome.js";
import { lookupScreen } from "./screens/lookup.js";
import { outOfServiceScreen } from "./screens/out-of-service.js";

const FINAL = ["Issued", "Refused", "Withdrawn", "Expired", "Failed"];

/** The step of the citizen's journey each screen belongs to, for the step bar. */
const STEP_OF = { choose: 1, capture: 2, consent: 3, face: 3, review: 4, payment: 5, officer: 6, result: 6 };

/** Screens where the session has reached its end at this kiosk: they offer "Finish", not "Start over". */
const ENDINGS = new Set(["officer", "result", "refused", "failed", "rescan-requested"]);
const STEP_KEYS = ["steps.choose", "steps.scan", "steps.face", "steps.check", "steps.pay", "steps.receive"];

/** Which screen shows a dossier view; a dossier this kiosk took over for its rescan asks for the pages. */
export function screenFor(view, resumed = false) {
  switch (view.status) {
    case "Capturing":
      switch (view.stage) {
        case "kiosk.scan":
        case "kiosk.rescan": return "capture";
        case "kiosk.consent": return "consent";
        case "kiosk.identity": return "face";
        case "kiosk.confirmation": return "review";
        default: return "progress";
      }
    case "Processing": return "progress";
    case "AwaitingPayment": return "payment";
    case "AwaitingOfficer": return "officer";
    case "AwaitingRescan": return resumed ? "capture" : "rescan-requested";
    case "Issued": return "result";
    case "Refused": return "refused";
    case "Failed": return "failed";
    default: return "attract";
  }
}

const SCREENS = {
  capture: captureScreen,
  consent: consentScreen,
  face: faceScreen,
  review: reviewScreen,
  payment: paymentScreen,
  progress: progressScreen,
  officer: officerScreen,
  result: resultScreen,
  refused: refusedScreen,
  failed: failedScreen,
  "rescan-requested": rescanRequestedScreen,
};

class KioskApp {
  constructor() {
    this.main = document.getElementById("screen");
    this.notice = document.getElementById("notice");
    this.dialog = document.getElementById("dialog");
    this.announcer = document.getElementById("announcer");
    this.stepBar = document.getElementById("steps");
    this.startOverButton = document.getElementById("start-over");
    this.current = undefined;
    this.session = undefined;
    this.typeList = undefined;
  }

  async boot() {
    const [config] = await Promise.all([fetch("config.json").then((r) => r.json()), i18n.load()]);
    this.config = config;
    i18n.use("vi");
    document.getElementById("language").addEventListener("click", () => this.switchLanguage());
    // Esc closes a modal dialog by itself; the idle warning must not vanish while its countdown runs.
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      if (this.idle.warning) this.idle.resume();
      else this.closeDialog();
    });
    this.startOverButton.addEventListener("click", () => this.confirmStartOver());
    this.idle = new IdleWatch({
      idleSeconds: config.idleSeconds,
      warningSeconds: config.warningSeconds,
      onWarn: (seconds) => this.showIdleWarning(seconds),
      onTick: (seconds) => this.updateIdleWarning(seconds),
      onExpire: () => this.abandon(),
      onResume: () => this.closeDialog(),
    });
    this.api = await KioskApi.connect();
    if (this.api) await this.home();
    else this.show("enrol", enrolScreen(this));
  }

  // ----- screens -----

  show(key, screen) {
    this.current?.dispose?.();
    this.hideBusy();
    if (!this.idle?.warning) this.closeDialog(); // a screen's own dialog does not outlive it
    this.hideNotice();
    this.current = { key, ...screen };
    this.main.replaceChildren(screen.el);
    this.main.dataset.screen = key;
    this.renderSteps(key);
    const inSession = this.session !== undefined || key === "choose" || key === "lookup";
    this.startOverButton.hidden = !inSession || ENDINGS.has(key);
    if (inSession) this.idle.arm(screen.idleSeconds ?? this.config.idleSeconds);
    else this.idle.disarm();
    i18n.apply(this.main);
    // The new step's heading takes the focus: a screen reader reads it, a keyboard starts there.
    (screen.el.querySelector("h1") ?? this.main).focus({ preventScroll: true });
  }

  renderSteps(key) {
    const working = { scan: 2, consent: 3, identity: 3, confirmation: 4, payment: 6 }[this.session?.lastAction];
    const step = this.session || key === "choose" ? (key === "progress" ? working ?? 5 : STEP_OF[key]) : undefined;
    this.stepBar.hidden = !step;
    if (!step) return;
    this.stepBar.setAttribute("aria-label", i18n.t("steps.label"));
    this.stepBar.replaceChildren(...STEP_KEYS.map((label, index) =>
      h("li", { class: index + 1 < step ? "done" : index + 1 === step ? "current" : "", "aria-current": index + 1 === step ? "step" : undefined },
        h("span", { class: "step-number", "aria-hidden": "true" }, String(index + 1)), tx(label))));
  }

  async home() {
    this.endSession();
    this.wipe();
    this.show("attract", attractScreen(this));
  }

  /** Nothing of the last citizen stays: dialogs and what was typed in them, notices, announcements, their language. */
  wipe() {
    this.closeDialog();
    this.hideNotice();
    this.announcer.textContent = "";
    i18n.use("vi");
    this.syncLanguageButton();
  }

  async documentTypes() {
    this.typeList ??= await this.api.documentTypes();
    return this.typeList;
  }

  async chooseType() {
    try {
      const types = await this.documentTypes();
      this.show("choose", chooseTypeScreen(this, types));
    } catch (error) {
      this.fail(error);
    }
  }

  lookup(mode) {
    this.show("lookup", lookupScreen(this, mode));
  }

  // ----- the session -----

  /** Starts a dossier for the chosen document type. */
  async begin(type) {
    if (this.starting) return; // a double tap starts one dossier
    this.starting = true;
    const overlay = this.showBusy("start");
    try {
      await this.idle.whileWaiting(() => this.act(async () => {
        const view = await this.api.start(type.key);
        this.beginSession(view, type);
      }));
    } finally {
      this.starting = false;
      this.hideBusy(overlay);
    }
  }

  /** Takes over a dossier that waits for a rescan. */
  async resume(receiptCode) {
    const view = await this.idle.whileWaiting(() => this.api.resume(receiptCode));
    const types = await this.documentTypes();
    this.beginSession(view, types.find((t) => t.key === view.documentType) ?? { key: view.documentType, name: { vi: view.documentType, en: view.documentType }, hasPortrait: true, maxPages: 20 }, { resumed: true });
  }

  beginSession(view, type, { resumed = false } = {}) {
    this.endSession();
    const follow = new AbortController();
    this.session = { view, type, resumed, follow, lastAction: undefined };
    this.route(view);
    this.api.follow(view.dossierId, (next) => this.receive(next), follow.signal)
      .catch((error) => { if (!follow.signal.aborted) this.fail(error); });
  }

  /** A view from the server: an answer to a call or the progress stream. Older views are ignored. */
  receive(view) {
    if (!this.session || view.dossierId !== this.session.view.dossierId) return;
    if (view.revision < this.session.view.revision) return;
    this.session.view = view;
    this.route(view);
  }

  route(view) {
    const key = screenFor(view, this.session?.resumed);
    if (key === "attract") {
      this.home();
      return;
    }
    if (this.current?.key === key) {
      this.current.update?.(view);
      return;
    }
    this.show(key, SCREENS[key](this, view));
    this.announce(i18n.pick(view.stageText ?? view.statusText));
    if (FINAL.includes(view.status)) this.session.follow.abort();
  }

  /** Sends one of the citizen's answers; the answer's view moves the screen on. */
  async submit(action, call) {
    if (!this.session) return undefined; // the session ended (idle, start over) while this was prepared
    this.session.lastAction = action;
    const overlay = this.showBusy(action);
    try {
      return await this.idle.whileWaiting(() => this.act(async () => {
        const view = await call();
        if (view) this.receive(view);
        return view;
      }));
    } finally {
      this.hideBusy(overlay);
    }
  }

  /** At once, while an answer is on its way: what the system is doing, over the screen (which keeps its state; the header stays usable). */
  showBusy(action) {
    this.hideBusy();
    this.busy = h("div", { class: "busy", role: "status" },
      h("div", { class: "big-spinner", "aria-hidden": "true" }),
      tx(`progress.${action}`, undefined, "p", { class: "progress-step" }));
    this.busyScreen = this.current?.el;
    if (this.busyScreen) this.busyScreen.inert = true; // no second answer while the first is on its way
    this.main.append(this.busy);
    this.announce(i18n.t(`progress.${action}`));
    return this.busy;
  }

  /** Hides the overlay — only the given one, when an older call finishes after a newer one began. */
  hideBusy(overlay) {
    if (overlay && overlay !== this.busy) return;
    if (this.busyScreen) this.busyScreen.inert = false;
    this.busyScreen = undefined;
    this.busy?.remove();
    this.busy = undefined;
  }

  /** Runs a call, telling the citizen in plain words when it fails; answers undefined then. */
  async act(call) {
    try {
      return await call();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  endSession() {
    this.session?.follow.abort();
    this.session = undefined;
  }

  /**
   * The idle timeout ran out, or the citizen chose "start over": ends the session at once (the screen does not wait for the network) and withdraws a dossier
   * still being captured, so its scans are deleted now rather than at the session timeout; one already
   * confirmed (paying, with the officer, done) lives on under its receipt code.
   */
  abandon() {
    const session = this.session;
    this.home();
    if (session && session.view.status === "Capturing" && !session.resumed) {
      this.api.withdraw(session.view.dossierId).catch(() => undefined);
    }
  }

  // ----- the header's actions -----

  switchLanguage() {
    i18n.use(i18n.language() === "vi" ? "en" : "vi");
    this.syncLanguageButton();
    if (!this.stepBar.hidden) this.stepBar.setAttribute("aria-label", i18n.t("steps.label"));
  }

  /** The switch is written in the other language, and says so to a screen reader. */
  syncLanguageButton() {
    document.getElementById("language").lang = i18n.language() === "vi" ? "en" : "vi";
  }

  confirmStartOver() {
    this.openDialog("startOver.title", "startOver.lead", [
      button("startOver.no", () => this.closeDialog(), { kind: "secondary", "data-autofocus": true }),
      button("startOver.yes", () => { this.closeDialog(); this.abandon(); }, { kind: "danger" }),
    ]);
  }

  showIdleWarning(seconds) {
    this.openDialog("idle.title", "idle.lead", [button("idle.continue", () => this.idle.resume(), { kind: "primary", "data-autofocus": true })], { n: Math.ceil(seconds) });
  }

  updateIdleWarning(seconds) {
    const lead = this.dialog.querySelector("[data-i18n='idle.lead']");
    if (!lead) return;
    lead.dataset.i18nParams = JSON.stringify({ n: Math.ceil(seconds) });
    lead.textContent = i18n.t("idle.lead", { n: Math.ceil(seconds) });
  }

  openDialog(titleKey, leadKey, actions, params) {
    this.dialog.replaceChildren(
      tx(titleKey, undefined, "h2", { id: "dialog-title" }),
      tx(leadKey, params, "p", { class: "lead", id: "dialog-lead" }),
      h("div", { class: "actions" }, actions));
    this.dialog.setAttribute("aria-describedby", "dialog-lead");
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector("[data-autofocus]")?.focus();
  }

  closeDialog() {
    if (this.dialog.open) this.dialog.close();
    this.dialog.replaceChildren(); // what was typed in it (an e-mail address) leaves the page
    this.dialog.removeAttribute("aria-describedby");
  }

  // ----- telling the citizen -----

  announce(text) {
    if (text) this.announcer.textContent = text;
  }

  /** A failure in plain words; a kiosk that lost its credential goes back to enrolment or out of service. */
  fail(error) {
    console.error(error);
    if (error instanceof ApiError) {
      if (error.code === "unknown-credential") {
        keystore.forget().finally(() => { this.endSession(); this.show("enrol", enrolScreen(this)); });
        return;
      }
      if (error.code === "device-disabled") {
        this.endSession();
        this.show("out-of-service", outOfServiceScreen(this));
        return;
      }
    }
    this.showNotice(this.errorKey(error));
  }

  /** The words for a failed call: the kiosk API's problem code when the dictionary explains it. */
  errorKey(error) {
    if (!(error instanceof ApiError)) return "error.network";
    return i18n.has(`error.${error.code}`) ? `error.${error.code}` : "error.generic";
  }

  showNotice(key, params) {
    this.notice.replaceChildren(tx(key, params), button("common.close", () => this.hideNotice(), { kind: "ghost small" }));
    this.notice.hidden = false;
  }

  hideNotice() {
    this.notice.hidden = true;
    this.notice.replaceChildren();
  }

  async enrolled(api) {
    this.api = api;
    await this.home();
  }
}

const app = new KioskApp();
app.boot().catch((error) => {
  console.error(error);
  document.getElementById("screen").textContent = "Kiosk không khởi động được / The kiosk could not start.";
});
