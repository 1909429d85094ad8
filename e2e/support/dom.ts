// The few browser shapes the specs touch inside page.evaluate (the root tsconfig has no DOM lib).
export interface MediaElementLike {
  currentTime: number;
  duration: number;
  paused: boolean;
  readyState: number;
  requestVideoFrameCallback(callback: (now: number, metadata: { presentationTime: number }) => void): number;
}
