package logsmith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.grok.Grok;
import org.elasticsearch.grok.GrokBuiltinPatterns;
import org.elasticsearch.grok.MatcherWatchdog;
import org.elasticsearch.grok.PatternBank;

/**
 * Reads requests on stdin, one per line, fields separated by tabs, text fields in base64:
 *   MATCH bank set pattern line  -> {"matched":…,"captures":{…}} or {"error":"…"}
 *   DUMP set                     -> {"patterns":{name: regex}} of Elasticsearch's bundled set
 * bank is "es" (the patterns bundled in elasticsearch-grok) or "ours" (files NAME<TAB>base64(regex)
 * named legacy.tsv / ecs-v1.tsv in the directory given as the first argument).
 */
public final class GrokDiff {
  private static final Base64.Decoder B64 = Base64.getDecoder();

  public static void main(String[] args) throws Exception {
    Path bankDir = args.length > 0 ? Path.of(args[0]) : null;
    Map<String, PatternBank> banks = new HashMap<>();
    Map<String, Object> groks = new HashMap<>();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String request; (request = in.readLine()) != null; ) {
      String[] f = request.split("\t", -1);
      try {
        if (f[0].equals("DUMP")) {
          out.println("{\"patterns\":" + json(builtin(f[1]).bank()) + "}");
        } else {
          String key = f[1] + "\t" + f[2] + "\t" + f[3];
          Object grok = groks.get(key);
          if (grok == null) {
            PatternBank bank = banks.computeIfAbsent(f[1] + "\t" + f[2], k -> load(f[1], f[2], bankDir));
            try {
              grok = new Grok(bank, decode(f[3]), MatcherWatchdog.noop(), msg -> {});
            } catch (RuntimeException e) {
              grok = e;
            }
            groks.put(key, grok);
          }
          if (grok instanceof RuntimeException e) throw e;
          Map<String, Object> captures = ((Grok) grok).captures(decode(f[4]));
          out.println(captures == null ? "{\"matched\":false}" : "{\"matched\":true,\"captures\":" + json(captures) + "}");
        }
      } catch (RuntimeException e) {
        out.println("{\"error\":" + json(e.getClass().getSimpleName() + ": " + e.getMessage()) + "}");
      }
      out.flush();
    }
  }

  private static String decode(String b64) {
    return new String(B64.decode(b64), StandardCharsets.UTF_8);
  }

  private static PatternBank builtin(String set) {
    return set.equals("legacy") ? GrokBuiltinPatterns.legacyPatterns() : GrokBuiltinPatterns.ecsV1Patterns();
  }

  private static PatternBank load(String bank, String set, Path dir) {
    if (bank.equals("es")) return builtin(set);
    try {
      Map<String, String> defs = new LinkedHashMap<>();
      for (String line : Files.readAllLines(dir.resolve(set + ".tsv"), StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) defs.put(line.substring(0, tab), decode(line.substring(tab + 1)));
      }
      return new PatternBank(defs);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') b.append('\\').append(c);
        else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
        else b.append(c);
      }
      return b.append('"').toString();
    }
    if (value instanceof Float || value instanceof Double) {
      // Keep the Java type visible: the diff reports int/float differences.
      double d = ((Number) value).doubleValue();
      return "{\"$float\":" + (Double.isFinite(d) ? Double.toString(d) : json(Double.toString(d))) + "}";
    }
    if (value instanceof Number || value instanceof Boolean) return value.toString();
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (b.length() > 1) b.append(',');
        b.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
      }
      return b.append('}').toString();
    }
    if (value instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : l) {
        if (b.length() > 1) b.append(',');
        b.append(json(o));
      }
      return b.append(']').toString();
    }
    return json(value.toString());
  }
}
