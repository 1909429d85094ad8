/** One parameter per task (the global biases, the match scales) with their Adagrad accumulators. */
import { decodeF32, encodeF32 } from './codec.ts';

export class TaskParams {
  /** the values, then their accumulators: the layout a snapshot stores */
  private readonly data: Float32Array;
  /** the current values (a view of the first half of `data`) */
  readonly values: Float32Array;
  private readonly tasks: number;

  constructor(initial: readonly number[], accumulator: number) {
    this.tasks = initial.length;
    this.data = Float32Array.from([...initial, ...initial.map(() => accumulator)]);
    this.values = this.data.subarray(0, this.tasks);
  }

  /** One Adagrad step with gradient `grad[t]` (a task with none is left as it is). */
  step(grad: Float32Array, lr: number): void {
    const d = this.data;
    const n = this.tasks;
    for (let t = 0; t < n; t++) {
      const g = grad[t] as number;
      if (g === 0) continue;
      const a = (d[n + t] as number) + g * g;
      d[n + t] = a;
      d[t] = (d[t] as number) - (lr * g) / Math.sqrt(a);
    }
  }

  encode(): string {
    return encodeF32(this.data);
  }

  decode(encoded: string): void {
    this.data.set(decodeF32(encoded));
  }
}
