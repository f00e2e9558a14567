// The kiosk camera through getUserMedia. One camera stream per capture screen, stopped as soon as the
// screen closes (the light goes off and nothing is filmed between steps). Snapshots are JPEG, at most
// maxSide pixels on the long side — what the gateway's quality gate and recognition expect.

export class Camera {
  constructor(video) {
    this.video = video;
    this.stream = undefined;
  }

  static available() {
    return !!navigator.mediaDevices?.getUserMedia;
  }

  /** @param {"environment"|"user"} facing the document camera looks down, the face camera at the citizen */
  async start(facing) {
    this.stopped = false;
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } },
    });
    if (this.stopped) {
      // The screen closed while the browser was opening the camera: it must not stay on.
      for (const track of stream.getTracks()) track.stop();
      throw new Error("The camera was closed while it opened.");
    }
    this.stream = stream;
    this.video.srcObject = this.stream;
    this.video.muted = true;
    this.video.playsInline = true;
    await this.video.play();
    if (!this.video.videoWidth) {
      await new Promise((resolve) => this.video.addEventListener("loadedmetadata", resolve, { once: true }));
    }
  }

  get ready() {
    return !!this.stream && this.video.videoWidth > 0;
  }

  /** The current picture as a JPEG Blob. */
  snapshot(maxSide = 1600, quality = 0.92) {
    const { videoWidth: width, videoHeight: height } = this.video;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext("2d").drawImage(this.video, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("snapshot failed"))), "image/jpeg", quality));
  }

  stop() {
    this.stopped = true;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    this.video.srcObject = null;
  }
}
