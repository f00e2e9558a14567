// Reference numbers for the face models, computed by face-api's own JavaScript.
//
// Our C# converter rebuilds face-api's networks as ONNX graphs. This script runs the
// original implementation (@vladmandic/face-api on TensorFlow.js's pure-JS CPU backend,
// which needs no native code and no network) on:
//   - synthetic 150x150 chips (seeded noise, so every weight of the descriptor net is used);
//   - the demo photos shipped in the npm package, through the whole pipeline
//     (tiny face detector -> 68 landmarks -> aligned chip -> 128-d descriptor).
//
// It writes <out>/reference.json (numbers only: this is what the repository keeps as
// test data) and, beside it, the exact pixels it fed in (<out>/images/*.rgb, decoded
// JPEGs; <out>/chips/*.f32, chips), so the C# side can run on the very same input.
// Those pixel files come from the package's photos and stay in the git-ignored folder.
//
// Usage: node reference.cjs --out <folder>
'use strict';

const fs = require('node:fs');
const path = require('node:path');
// CommonJS on purpose: TensorFlow.js's ES modules do not resolve under plain node.
// face-api's "node-wasm" build is the one that loads the pure-JS @tensorflow/tfjs;
// the WebAssembly backend it also registers is never selected here.
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');

const packageRoot = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const modelDir = path.join(packageRoot, 'model');
const demoDir = path.join(packageRoot, 'demo');

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex < 0 || !args[outIndex + 1]) {
  console.error('usage: node reference.cjs --out <folder>');
  process.exit(2);
}
const outDir = path.resolve(args[outIndex + 1]);
fs.mkdirSync(path.join(outDir, 'images'), { recursive: true });
fs.mkdirSync(path.join(outDir, 'chips'), { recursive: true });

// The detector threshold the C# pipeline is compared at (face-api's own default).
const detectorOptions = { inputSize: 416, scoreThreshold: 0.5 };
const syntheticChipCount = 3;
const demoImages = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg'];

async function main() {
await tf.setBackend('cpu');
await tf.ready();

function loadWeightMap(name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`), 'utf8'));
  const buffers = [];
  const specs = [];
  for (const group of manifest) {
    for (const shard of group.paths) {
      const bytes = fs.readFileSync(path.join(modelDir, shard));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }
    specs.push(...group.weights);
  }
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) { joined.set(new Uint8Array(b), offset); offset += b.byteLength; }
  return tf.io.decodeWeights(joined.buffer, specs);
}

faceapi.nets.tinyFaceDetector.loadFromWeightMap(loadWeightMap('tiny_face_detector_model'));
faceapi.nets.faceLandmark68Net.loadFromWeightMap(loadWeightMap('face_landmark_68_model'));
faceapi.nets.faceRecognitionNet.loadFromWeightMap(loadWeightMap('face_recognition_model'));

// mulberry32: a tiny seeded generator, so the synthetic chips are the same on every run.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticChip(seed) {
  const random = mulberry32(seed);
  // Smooth blobs over noise: closer to image statistics than white noise alone.
  const blobs = Array.from({ length: 12 }, () => ({
    x: random() * 150, y: random() * 150, r: 10 + random() * 50,
    c: [random() * 255, random() * 255, random() * 255],
  }));
  const data = new Float32Array(150 * 150 * 3);
  for (let y = 0; y < 150; y++) {
    for (let x = 0; x < 150; x++) {
      for (let ch = 0; ch < 3; ch++) {
        let value = 128;
        for (const b of blobs) {
          const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r);
          value += (b.c[ch] - 128) * Math.exp(-d2);
        }
        value += (random() - 0.5) * 40;
        data[(y * 150 + x) * 3 + ch] = Math.round(Math.min(255, Math.max(0, value)));
      }
    }
  }
  return data;
}

function writeFloats(file, floats) {
  fs.writeFileSync(file, Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength));
}

function round(value) {
  return Number(value.toPrecision(9));
}

const reference = {
  generator: 'tests/Faces.Reference/reference.cjs',
  faceApi: JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version,
  tfjs: tf.version.tfjs,
  backend: tf.getBackend(),
  detector: detectorOptions,
  chips: [],
  images: [],
};

for (let seed = 1; seed <= syntheticChipCount; seed++) {
  const name = `synthetic-${seed}`;
  const pixels = syntheticChip(seed);
  writeFloats(path.join(outDir, 'chips', `${name}.f32`), pixels);
  const input = tf.tensor3d(pixels, [150, 150, 3]);
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
  input.dispose();
  reference.chips.push({ name, descriptor: Array.from(descriptor, round) });
}

for (const file of demoImages) {
  const decoded = jpeg.decode(fs.readFileSync(path.join(demoDir, file)), { useTArray: true, formatAsRGBA: false });
  const name = path.basename(file, '.jpg');
  fs.writeFileSync(path.join(outDir, 'images', `${name}.rgb`), decoded.data);
  const image = tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32');
  const results = await faceapi
    .detectAllFaces(image, new faceapi.TinyFaceDetectorOptions(detectorOptions))
    .withFaceLandmarks()
    .withFaceDescriptors();
  const faces = [];
  for (const [index, result] of results.entries()) {
    const aligned = result.landmarks.align(null, { useDlibAlignment: true });
    // The chip exactly as face-api builds it before the descriptor net.
    const [faceTensor] = await faceapi.extractFaceTensors(image, [aligned]);
    const chip = new faceapi.NetInput([faceTensor]).toBatchTensor(150, true);
    const chipName = `${name}-face${index}`;
    writeFloats(path.join(outDir, 'chips', `${chipName}.f32`), await chip.data());
    const [chipHeight, chipWidth] = faceTensor.shape;
    faceTensor.dispose();
    chip.dispose();
    const box = result.detection.box;
    faces.push({
      score: round(result.detection.score),
      box: { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) },
      landmarks: result.landmarks.positions.map((p) => [round(p.x), round(p.y)]),
      alignedRect: { x: aligned.x, y: aligned.y, width: aligned.width, height: aligned.height },
      chip: { name: chipName, sourceWidth: chipWidth, sourceHeight: chipHeight },
      descriptor: Array.from(result.descriptor, round),
    });
  }
  image.dispose();
  reference.images.push({ name, width: decoded.width, height: decoded.height, faces });
}

fs.writeFileSync(path.join(outDir, 'reference.json'), `${JSON.stringify(reference, null, 1)}\n`);
const faceCount = reference.images.reduce((n, i) => n + i.faces.length, 0);
console.log(`face reference: ${reference.chips.length} synthetic chips, ${reference.images.length} photos, ${faceCount} faces -> ${outDir}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
