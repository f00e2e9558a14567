// Instant advice while the citizen holds a document under the camera: too dark, glare, blurred, moving,
// too far. It is advice only — computed on a small copy of each frame four times a second — and the
// gateway's quality gate still judges every picture taken.

const WIDTH = 240;

export class LiveQuality {
  constructor(video, onHint) {
    this.video = video;
    this.onHint = onHint;
    this.canvas = document.createElement("canvas");
    this.context = this.canvas.getContext("2d", { willReadFrequently: true });
    this.previous = undefined;
    this.timer = setInterval(() => this.sample(), 250);
  }

  stop() {
    clearInterval(this.timer);
  }

  sample() {
    const { videoWidth, videoHeight } = this.video;
    if (!videoWidth) return;
    const width = WIDTH;
    const height = Math.round((WIDTH * videoHeight) / videoWidth);
    this.canvas.width = width;
    this.canvas.height = height;
    this.context.drawImage(this.video, 0, 0, width, height);
    const { data } = this.context.getImageData(0, 0, width, height);
    const gray = new Float32Array(width * height);
    let sum = 0;
    let saturated = 0;
    for (let i = 0; i < gray.length; i++) {
      const value = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      gray[i] = value;
      sum += value;
      // Glare burns all three channels out; white or cream paper keeps at least one below the top.
      if (data[i * 4] > 251 && data[i * 4 + 1] > 251 && data[i * 4 + 2] > 251) saturated++;
    }
    const mean = sum / gray.length;

    // Sharpness: variance of the Laplacian; edges: where the document's outline and print are.
    let lapSum = 0;
    let lapSquares = 0;
    let count = 0;
    let minX = width, minY = height, maxX = 0, maxY = 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        const lap = 4 * gray[i] - gray[i - 1] - gray[i + 1] - gray[i - width] - gray[i + width];
        lapSum += lap;
        lapSquares += lap * lap;
        count++;
        if (Math.abs(lap) > 40) {
          minX = Math.min(minX, x); maxX = Math.max(maxX, x);
          minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
      }
    }
    const sharpness = lapSquares / count - (lapSum / count) ** 2;
    const covered = maxX > minX ? ((maxX - minX) * (maxY - minY)) / (width * height) : 0;

    let motion = 0;
    if (this.previous?.length === gray.length) {
      for (let i = 0; i < gray.length; i++) motion += Math.abs(gray[i] - this.previous[i]);
      motion /= gray.length;
    }
    this.previous = gray;

    const hint =
      mean < 55 ? "dark"
      : saturated / gray.length > 0.03 ? "glare"
      : motion > 12 ? "motion"
      : covered < 0.12 ? "empty"
      : covered < 0.3 ? "far"
      : sharpness < 60 ? "blur"
      : "ok";
    this.onHint(hint, { mean, saturated: saturated / gray.length, sharpness, motion, covered });
  }
}
