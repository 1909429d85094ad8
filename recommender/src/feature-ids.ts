/**
 * Dense integer ids for feature keys (c:…, h:…, s:…, l:…, d:…), one numbering per engine. A
 * user's crosses are found by these ids in a typed-array hash table (crosses.ts), so a training
 * step looks up no strings for them. Ids are never reused: a key keeps its id for the engine's
 * life (one map entry per distinct key the catalogue ever held, the same strings it already
 * shares). Snapshots store keys, not ids, so the numbering is free to differ after a restore.
 */
export class FeatureIds {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];

  /** The id of `key`, numbered on first sight. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The id of `key`, or -1 if it was never numbered. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  key(id: number): string {
    const key = this.keys[id];
    if (key === undefined) throw new RangeError(`no feature key numbered ${id}`);
    return key;
  }
}
