// Captions: #hashtags and @mentions, parsed once when a caption is written.
const HASHTAG = /(?:^|[^\p{L}\p{N}_&#])#(\p{L}[\p{L}\p{N}_]{0,49})/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_][A-Za-z0-9_.]{1,22}[A-Za-z0-9_])/gu;

export interface ParsedCaption {
  hashtags: string[];
  mentions: string[];
}

const unique = (values: string[]) => [...new Set(values)];

export function parseCaption(caption: string): ParsedCaption {
  return {
    hashtags: unique([...caption.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase())).slice(0, 30),
    mentions: unique([...caption.matchAll(MENTION)].map((m) => m[1]!.toLowerCase())).slice(0, 20),
  };
}
