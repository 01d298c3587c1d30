import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs a fixed, varied set of events through the real log4j 1.2 and log4j 2 layouts configured in
 * log4j.properties and log4j2.xml (one file per appender under the output directory), and writes what
 * was logged to expected.jsonl so a test can compare every parsed event with the values that went in.
 *
 * Timestamps are fixed (log4j 1 events are built with their time; log4j 2 reads {@link FixedClock}),
 * so the test can check the timestamp text exactly, through the generated Joda pattern.
 *
 * Usage: java -cp lib/*:classes Harness OUTPUT_DIR CONFIG_DIR
 */
public final class Harness {
  /** log4j 2 asks this clock for every event's time (system property log4j2.clock). */
  public static final class FixedClock implements org.apache.logging.log4j.core.util.Clock {
    static volatile long now;

    @Override
    public long currentTimeMillis() {
      return now;
    }
  }

  static final class Ev {
    final String level;
    final String logger;
    final String message;
    final Map<String, String> mdc = new LinkedHashMap<>();
    final List<String> ndc = new ArrayList<>();
    Throwable thrown;

    Ev(String level, String logger, String message) {
      this.level = level;
      this.logger = logger;
      this.message = message;
    }

    Ev mdc(String k, String v) {
      mdc.put(k, v);
      return this;
    }

    Ev ndc(String... items) {
      ndc.addAll(Arrays.asList(items));
      return this;
    }

    Ev thrown(Throwable t) {
      thrown = t;
      return this;
    }
  }

  // 2026-03-01T08:09:10.123Z, then a different day, hour and millisecond for every event.
  static final long BASE = 1772352550123L;
  static final String THREAD = "main worker-1";

  static Throwable fail(String message, Throwable cause) {
    try {
      throw new RuntimeException(message, cause);
    } catch (RuntimeException e) {
      return e;
    }
  }

  static Throwable inner() {
    try {
      throw new IllegalStateException("inner state");
    } catch (IllegalStateException e) {
      return e;
    }
  }

  static List<Ev> events() {
    List<Ev> list = new ArrayList<>();
    list.add(new Ev("INFO", "com.example.shop.checkout.PaymentService", "Server started on port 8080"));
    list.add(new Ev("DEBUG", "Short", "user \"bob\" said: it's a \\backslash\\ test").mdc("user", "bob"));
    list.add(new Ev("WARN", "com.example.i18n.Messages", "한글 메시지 — naïve café ✓ 😀").mdc("user", "김철수").ndc("req-42"));
    list.add(new Ev("ERROR", "com.example.shop.checkout.PaymentService", "request failed")
        .mdc("user", "alice").mdc("session", "s 1").ndc("outer", "inner").thrown(fail("boom", inner())));
    list.add(new Ev("INFO", "org.apache.catalina.core.ContainerBase.[Catalina].[localhost]", "first line\nsecond line\n\tindented third"));
    list.add(new Ev("TRACE", "com.example.Trace", ""));
    list.add(new Ev("FATAL", "com.example.shop.Db", "percent 100% {braces} [brackets] <xml> & amp")
        .thrown(new Exception("multi\nline exception message")));
    list.add(new Ev("WARN", "com.example.Spaces", "  leading and trailing spaces  ").mdc("user", ""));
    list.add(new Ev("ERROR", "com.example.io.Writer", "write failed: tab\there").mdc("user", "x=y,z").thrown(new IOException("disk full")));
    list.add(new Ev("INFO", "com.example.shop.checkout.PaymentService", "done"));
    return list;
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  static void json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
      }
    }
    sb.append('"');
  }

  static void emitV1(Ev ev, long time) {
    org.apache.log4j.Logger logger = org.apache.log4j.Logger.getLogger(ev.logger);
    for (Map.Entry<String, String> e : ev.mdc.entrySet()) org.apache.log4j.MDC.put(e.getKey(), e.getValue());
    for (String item : ev.ndc) org.apache.log4j.NDC.push(item);
    // Built by hand for its fixed time; location info then looks for the caller of Category.
    org.apache.log4j.spi.LoggingEvent event = new org.apache.log4j.spi.LoggingEvent(
        "org.apache.log4j.Category", logger, time, org.apache.log4j.Level.toLevel(ev.level), ev.message, ev.thrown);
    logger.callAppenders(event);
    org.apache.log4j.MDC.clear();
    org.apache.log4j.NDC.clear();
  }

  static void emitV2(Ev ev, long time) {
    org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger(ev.logger);
    for (Map.Entry<String, String> e : ev.mdc.entrySet()) org.apache.logging.log4j.ThreadContext.put(e.getKey(), e.getValue());
    for (String item : ev.ndc) org.apache.logging.log4j.ThreadContext.push(item);
    FixedClock.now = time;
    logger.log(org.apache.logging.log4j.Level.valueOf(ev.level), ev.message, ev.thrown);
    org.apache.logging.log4j.ThreadContext.clearAll();
  }

  public static void main(String[] args) throws Exception {
    Path out = Paths.get(args[0]).toAbsolutePath();
    Path config = Paths.get(args[1]).toAbsolutePath();
    Files.createDirectories(out);
    System.setProperty("logdir", out.toString());
    System.setProperty("log4j2.clock", FixedClock.class.getName());
    // log4j 1's line separator and log4j 2's are the JVM's; fixed here so the files are the same everywhere.
    System.setProperty("line.separator", "\n");
    Thread.currentThread().setName(THREAD);

    org.apache.log4j.PropertyConfigurator.configure(config.resolve("log4j.properties").toString());
    org.apache.logging.log4j.core.config.Configurator.initialize("harness", config.resolve("log4j2.xml").toString());

    List<Ev> events = events();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      Ev ev = events.get(i);
      long time = BASE + i * 90061001L; // one day, one hour, one minute, one second and one ms apart
      emitV1(ev, time);
      emitV2(ev, time);
      expected.append("{\"i\":").append(i).append(",\"time\":").append(time).append(",\"level\":");
      json(expected, ev.level);
      expected.append(",\"logger\":");
      json(expected, ev.logger);
      expected.append(",\"thread\":");
      json(expected, THREAD);
      expected.append(",\"message\":");
      json(expected, ev.message);
      expected.append(",\"mdc\":{");
      boolean first = true;
      for (Map.Entry<String, String> e : ev.mdc.entrySet()) {
        if (!first) expected.append(',');
        first = false;
        json(expected, e.getKey());
        expected.append(':');
        json(expected, e.getValue());
      }
      expected.append("},\"ndc\":[");
      for (int j = 0; j < ev.ndc.size(); j++) {
        if (j > 0) expected.append(',');
        json(expected, ev.ndc.get(j));
      }
      expected.append(']');
      if (ev.thrown != null) {
        expected.append(",\"thrown\":{\"class\":");
        json(expected, ev.thrown.getClass().getName());
        expected.append(",\"message\":");
        json(expected, ev.thrown.getMessage());
        expected.append(",\"stackTrace\":");
        json(expected, stackTrace(ev.thrown));
        expected.append('}');
      }
      expected.append("}\n");
    }
    org.apache.log4j.LogManager.shutdown();
    org.apache.logging.log4j.LogManager.shutdown();
    try (Writer w = Files.newBufferedWriter(out.resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
      w.write(expected.toString());
    }
  }
}
