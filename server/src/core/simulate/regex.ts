/**
 * Ruby regexes (Onigmo in Logstash) for conditions, prune and translate: Oniguruma when its WASM
 * engine is loaded, else JavaScript's RegExp, which answers the same for the common syntax.
 */
import { OnigRegex, isOnigurumaReady } from "../grok/onig";

export interface RubyRegex {
  test(s: string): boolean;
}

const cache = new Map<string, RubyRegex>();

export function rubyRegex(source: string): RubyRegex {
  let re = cache.get(source);
  if (!re) {
    if (isOnigurumaReady()) {
      const onig = new OnigRegex(source);
      re = { test: (s) => onig.exec(s) !== null };
    } else {
      const js = new RegExp(source);
      re = { test: (s) => js.test(s) };
    }
    if (cache.size > 256) cache.clear();
    cache.set(source, re);
  }
  return re;
}
