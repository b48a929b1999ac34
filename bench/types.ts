/** One benchmark figure, printed by `npm run bench` as one JSON line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run. */
  baseline: string;
  /** This project's figure over the baseline (the direction is stated per benchmark). */
  ratio: number;
}

/** A module `bench/run.ts` runs: each benchmark file exports one. */
export type Benchmark = () => Promise<BenchResult[]>;
