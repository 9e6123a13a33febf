/** What one validation test concluded about one metric or check (stored in the audit and the state machine's $.validation). */
export interface Verdict {
  /** 'insufficient-data': the after-window cannot decide yet, so the bake is extended; 'no-data': nothing before or after to compare. */
  verdict: 'regressed' | 'no-regression' | 'insufficient-data' | 'missing-after' | 'no-data';
  regressed: boolean;
  method: string;
  [detail: string]: unknown;
}
