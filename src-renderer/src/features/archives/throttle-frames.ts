/**
 * A callback run at most once per animation frame, with the last arguments it
 * was given: progress that arrives faster than the screen refreshes (an
 * upload's batches, a build's counts) costs one render a frame, not one per
 * report.
 */
export interface FrameThrottled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a call still waiting for its frame. */
  cancel(): void;
}

export function throttleToFrames<A extends unknown[]>(fn: (...args: A) => void): FrameThrottled<A> {
  let pending: A | null = null;
  let frame = 0;
  const run = () => {
    frame = 0;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const throttled = ((...args: A) => {
    pending = args;
    if (!frame) frame = requestAnimationFrame(run);
  }) as FrameThrottled<A>;
  throttled.cancel = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pending = null;
  };
  return throttled;
}
