import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AccessLogValve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Embedded Tomcat for test/cli/logformat-tomcat.test.ts: one AccessLogValve per line of the patterns file
 * ("name<TAB>pattern"), each writing DIR/name.log unbuffered and without rotation, on a free port of
 * 127.0.0.1. Prints "PORT n" once started and stops when its standard input closes.
 *
 * The servlet answers 404 under /missing, echoes the request header X-Echo-Out as the response header
 * X-Out (so the test knows what %{X-Out}o must log), and under /session opens a session whose attribute
 * "user" is the X-Session-User header and sets the request attribute "handler".
 */
public final class TomcatHarness {
  public static void main(String[] args) throws Exception {
    File dir = new File(args[0]);
    List<String> patterns = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(new File(dir, "base").getAbsolutePath());
    tomcat.setHostname("127.0.0.1");
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);

    Context ctx = tomcat.addContext("", null);
    Tomcat.addServlet(ctx, "echo", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String out = req.getHeader("X-Echo-Out");
        if (out != null) resp.setHeader("X-Out", out);
        if (req.getRequestURI().startsWith("/session")) {
          // A session with an attribute, for %S and %{user}s; the value is the X-Session-User header.
          req.getSession(true).setAttribute("user", String.valueOf(req.getHeader("X-Session-User")));
          req.setAttribute("handler", "session servlet");
        }
        if (req.getRequestURI().startsWith("/missing")) {
          resp.setStatus(404);
          resp.setContentType("text/plain");
          resp.getWriter().write("not here\n");
          return;
        }
        if ("POST".equals(req.getMethod())) req.getInputStream().readAllBytes();
        resp.setContentType("text/plain");
        byte[] body = "hello from tomcat\n".getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(body);
      }
    });
    ctx.addServletMappingDecoded("/*", "echo");

    for (String line : patterns) {
      int tab = line.indexOf('\t');
      if (tab <= 0) continue;
      AccessLogValve valve = new AccessLogValve();
      valve.setDirectory(dir.getAbsolutePath());
      valve.setPrefix(line.substring(0, tab));
      valve.setSuffix(".log");
      valve.setRotatable(false);
      valve.setBuffered(false);
      valve.setPattern(line.substring(tab + 1));
      tomcat.getHost().getPipeline().addValve(valve);
    }

    tomcat.start();
    System.out.println("PORT " + connector.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Runs until the test closes our standard input.
    }
    tomcat.stop();
    tomcat.destroy();
  }
}
