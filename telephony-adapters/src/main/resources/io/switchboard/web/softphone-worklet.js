/* Switchboard softphone capture: microphone audio at the context's rate → 8 kHz → G.711 mu-law, 160 bytes (20 ms)
 * per message, exactly what a Twilio Media Stream carries, with the frame's peak input level for the page's meter.
 * Muted (a {muted: true} message from the page), the frames go on at the same pace carrying silence, as a phone's
 * do, while the level still shows what the microphone hears, so the page can say "you are muted". The resampler is a windowed-sinc low-pass at 3.6 kHz
 * evaluated at each output instant, so any input rate (44.1, 48 kHz...) works without aliasing the voice band. */
/** G.711 mu-law of 0. */
const SILENCE = 0xff;

class SoftphoneCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / 8000;
    this.half = 16;                                  // taps on each side, in output-rate units
    this.cutoff = 3600 / sampleRate;                 // normalised to the input rate
    this.span = Math.ceil(this.half * this.ratio);   // input samples on each side of an output instant
    this.history = new Float32Array(this.span * 2 + 256);
    this.filled = 0;                                 // input samples held in history
    this.next = this.span;                           // the next output instant, in history coordinates
    this.frame = new Uint8Array(160);
    this.framed = 0;
    this.muted = false;
    this.peak = 0;                                   // loudest input sample since the last frame went out
    this.port.onmessage = (e) => { this.muted = !!(e.data && e.data.muted); };
    // The windowed sinc tabulated once at 1/64 of an input sample (read with linear interpolation): the audio thread
    // then does no trigonometry, 8000 times a second over 2 x span taps.
    this.steps = 64;
    this.kernel = new Float32Array((this.span + 2) * this.steps);
    for (let k = 0; k < this.kernel.length; k++) {
      const d = k / this.steps;
      if (d > this.span + 1) { break; }
      const w = 0.5 + 0.5 * Math.cos(Math.PI * d / (this.span + 1));     // Hann window
      const x = 2 * Math.PI * this.cutoff * d;
      this.kernel[k] = (x === 0 ? 1 : Math.sin(x) / x) * w;
    }
  }

  static encode(x) {
    let s = Math.max(-1, Math.min(1, x)) * 32767 | 0;
    const sign = s < 0 ? 0x80 : 0;
    if (sign) { s = -s; }
    if (s > 32635) { s = 32635; }
    s += 0x84;
    let exponent = 7;
    for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; exponent--, mask >>= 1) { }
    const mantissa = (s >> (exponent + 3)) & 0x0f;
    return ~(sign | (exponent << 4) | mantissa) & 0xff;
  }

  sample(t) {
    const base = Math.floor(t);
    const kernel = this.kernel, steps = this.steps;
    let sum = 0, weights = 0;
    for (let i = base - this.span + 1; i <= base + this.span; i++) {
      const at = Math.abs(t - i) * steps;
      const k = at | 0;
      const weight = kernel[k] + (kernel[k + 1] - kernel[k]) * (at - k);
      sum += this.history[i] * weight;
      weights += weight;
    }
    return weights === 0 ? 0 : sum / weights;
  }

  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (!input) { return true; }
    if (this.filled + input.length > this.history.length) {
      // Keep what the filter still needs, drop the rest.
      const keep = this.filled - (Math.floor(this.next) - this.span);
      this.history.copyWithin(0, this.filled - keep, this.filled);
      this.next -= this.filled - keep;
      this.filled = keep;
    }
    this.history.set(input, this.filled);
    this.filled += input.length;
    for (let i = 0; i < input.length; i++) {
      const a = input[i] < 0 ? -input[i] : input[i];
      if (a > this.peak) { this.peak = a; }
    }
    while (this.next + this.span < this.filled) {
      // Muted, the resampler still runs (its history stays continuous, so unmuting does not click).
      const s = this.sample(this.next);
      this.frame[this.framed++] = this.muted ? SILENCE : SoftphoneCapture.encode(s);
      this.next += this.ratio;
      if (this.framed === 160) {
        const out = this.frame.slice(0);
        this.port.postMessage({ frame: out, level: this.peak }, [out.buffer]);
        this.peak = 0;
        this.framed = 0;
      }
    }
    return true;
  }
}
registerProcessor("softphone-capture", SoftphoneCapture);
