import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Parses dates the way logstash-filter-date's JodaParser and CasualISO8601Parser do, for the
 * simulator's differential test. Input lines: pattern TAB locale TAB zone TAB nowMillis TAB text.
 * Output lines: the parsed epoch milliseconds, or FAIL.
 */
public final class JodaHarness {
  private static final String[] CASUAL = {
    "yyyy-MM-dd HH:mm:ss.SSSZ", "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss,SSSZ", "yyyy-MM-dd HH:mm:ss,SSS"
  };

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split("\t", -1);
      try {
        out.append(parse(f[0], Locale.forLanguageTag(f[1]), DateTimeZone.forID(f[2]), Long.parseLong(f[3]), f[4]));
      } catch (IllegalArgumentException e) {
        out.append("FAIL");
      }
      out.append('\n');
    }
    System.out.print(out);
  }

  private static long parse(String pattern, Locale locale, DateTimeZone zone, long nowMillis, String text) {
    DateTime now = new DateTime(nowMillis, DateTimeZone.UTC);
    if (pattern.equals("ISO8601")) {
      RuntimeException last = null;
      DateTimeFormatter[] parsers = new DateTimeFormatter[CASUAL.length + 1];
      parsers[0] = ISODateTimeFormat.dateTimeParser();
      for (int i = 0; i < CASUAL.length; i++) parsers[i + 1] = DateTimeFormat.forPattern(CASUAL[i]);
      for (DateTimeFormatter p : parsers) {
        try {
          return p.withZone(zone).parseMillis(text);
        } catch (IllegalArgumentException e) {
          last = e;
        }
      }
      throw last;
    }
    boolean hasYear = pattern.contains("Y") || pattern.contains("y");
    boolean hasZone = pattern.contains("Z");
    DateTimeFormatter parser = DateTimeFormat.forPattern(pattern).withDefaultYear(now.getYear()).withLocale(locale).withZone(zone);
    if (hasYear) return new Instant(parser.parseMillis(text)).getMillis();
    DateTime dateTime = hasZone ? parser.parseDateTime(text) : parser.withZoneUTC().parseLocalDateTime(text).toDateTime(parser.getZone());
    int month = dateTime.getMonthOfYear();
    int year;
    if (month == 12 && now.getMonthOfYear() == 1) year = now.getYear() - 1;
    else if (month == 1 && now.getMonthOfYear() == 12) year = now.getYear() + 1;
    else year = now.getYear();
    return dateTime.withYear(year).getMillis();
  }
}
