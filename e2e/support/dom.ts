// The few browser shapes the specs touch inside page.evaluate (the root tsconfig has no DOM lib).
export interface MediaElementLike {
  currentTime: number;
  duration: number;
  paused: boolean;
  readyState: number;
  requestVideoFrameCallback(callback: (now: number, metadata: { presentationTime: number }) => void): number;
}

export interface ScrollerLike {
  scrollTop: number;
  clientHeight: number;
}

/** Polls `check` until it is true (the page's CSP forbids waitForFunction with a string). */
export async function until(check: () => Promise<boolean>, what = 'the condition', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
