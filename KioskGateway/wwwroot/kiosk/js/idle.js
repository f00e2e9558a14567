// The idle timeout: a public kiosk must never show one citizen's document to the next. After a quiet
// spell it asks "are you still there?" with a countdown; with no answer it wipes the session.
// The spell does not run while the kiosk waits for the system's answer (a citizen watching a spinner is
// not idle, however slow the answer); it starts again when the answer is on the screen.
// Time comes from setTimeout/Date, so a browser test can drive it with a fake clock.

// However slow the system, a session is never kept on screen longer than this without a touch.
const MAX_HOLD_SECONDS = 120;

export class IdleWatch {
  /** @param {{idleSeconds: number, warningSeconds: number, onWarn: (seconds:number)=>void, onTick: (seconds:number)=>void, onExpire: ()=>void, onResume: ()=>void}} options */
  constructor(options) {
    this.options = options;
    this.enabled = false;
    this.warning = false;
    this.waiting = 0; // calls to the system on their way
    this.generation = 0; // which session they belong to: wiping it releases their hold
    for (const event of ["pointerdown", "keydown", "touchstart", "wheel"]) {
      window.addEventListener(event, () => this.activity(), { capture: true, passive: true });
    }
  }

  /** Starts watching (a session is on the screen) with the screen's own quiet spell, if it has one. */
  arm(idleSeconds) {
    this.enabled = true;
    this.idleSeconds = idleSeconds ?? this.options.idleSeconds;
    if (this.warning) return; // the countdown on screen goes on: only the citizen's answer stops it
    this.reset();
  }

  disarm() {
    this.enabled = false;
    this.generation++; // calls still on their way no longer hold the next session's spell
    this.waiting = 0;
    this.clear();
    if (this.warning) {
      this.warning = false;
      this.options.onResume();
    }
  }

  activity() {
    if (!this.enabled || this.warning) return; // during the warning only its button answers
    this.reset();
  }

  /** The citizen answered the warning. */
  resume() {
    this.warning = false;
    this.options.onResume();
    this.reset();
  }

  /**
   * Runs a call to the system with the quiet spell held; the spell starts afresh with its answer. A call that
   * never answers holds it for MAX_HOLD_SECONDS at most, and a session wiped meanwhile (start over) is not held.
   */
  async whileWaiting(call) {
    const generation = this.generation;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      if (generation !== this.generation) return; // the session this call belonged to was wiped
      this.waiting--;
      if (!this.warning) this.reset();
    };
    this.waiting++;
    if (!this.warning) clearTimeout(this.timer); // a countdown already on screen goes on
    const cap = setTimeout(release, MAX_HOLD_SECONDS * 1000);
    try {
      return await call();
    } finally {
      clearTimeout(cap);
      release();
    }
  }

  reset() {
    this.clear();
    if (!this.enabled || this.waiting > 0) return;
    this.timer = setTimeout(() => this.warn(), this.idleSeconds * 1000);
  }

  warn() {
    this.warning = true;
    const deadline = Date.now() + this.options.warningSeconds * 1000;
    this.options.onWarn(this.options.warningSeconds);
    this.ticker = setInterval(() => {
      const left = (deadline - Date.now()) / 1000;
      if (left <= 0) {
        this.clear();
        this.warning = false;
        this.enabled = false;
        this.options.onExpire();
      } else {
        this.options.onTick(left);
      }
    }, 250);
  }

  clear() {
    clearTimeout(this.timer);
    clearInterval(this.ticker);
  }
}
