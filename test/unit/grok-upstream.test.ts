// Expectations from logstash-patterns-core's own specs (inputs and expected values are facts of
// those specs), run through the whole filter the way its spec helper does: grok with
// `match => ["message", "%{NAME}"]` on an event whose message is the line.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { applyGrok, initOniguruma, type JsonObject } from "../../server/src/core/grok";

before(() => initOniguruma());

function grokEvent(name: string, message: string, ecs: "disabled" | "v1"): JsonObject {
  const r = applyGrok({ message }, { match: { message: `%{${name}}` }, ecs_compatibility: ecs });
  assert.equal(r.matched, true, `${name} did not match`);
  return r.event;
}

/** Every key of `expected` is in `actual` with a deeply equal value (RSpec's `include`). */
function includes(actual: JsonObject, expected: JsonObject) {
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(actual[k], v, k);
}

const COMBINED =
  '83.149.9.216 - - [24/Feb/2015:23:13:42 +0000] "GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1" 200 203023 "http://semicomplete.com/presentations/logstash-monitorama-2013/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36"';

test("HTTPD_COMBINEDLOG, ecs-v1: nested fields, :int values, no field for '-'", () => {
  const e = grokEvent("HTTPD_COMBINEDLOG", COMBINED, "v1");
  includes(e, {
    http: {
      request: { method: "GET", referrer: "http://semicomplete.com/presentations/logstash-monitorama-2013/" },
      response: { body: { bytes: 203023 }, status_code: 200 },
      version: "1.1",
    },
    source: { address: "83.149.9.216" },
    url: { original: "/presentations/logstash-monitorama-2013/images/kibana-search.png" },
  });
  assert.equal(e.user, undefined);
  assert.equal(e.apache, undefined);
});

test("HTTPD_COMBINEDLOG, legacy: strings, quoted referrer and agent, ident and auth '-'", () => {
  includes(grokEvent("HTTPD_COMBINEDLOG", COMBINED, "disabled"), {
    clientip: "83.149.9.216",
    verb: "GET",
    httpversion: "1.1",
    response: "200",
    bytes: "203023",
    referrer: '"http://semicomplete.com/presentations/logstash-monitorama-2013/"',
    auth: "-",
    ident: "-",
  });
});

const ELB =
  '2014-02-15T23:39:43.945958Z my-test-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1"';

test("ELB_ACCESS_LOG: :int and :float in both sets", () => {
  const ecs = grokEvent("ELB_ACCESS_LOG", ELB, "v1");
  includes(ecs, { timestamp: "2014-02-15T23:39:43.945958Z", source: { ip: "192.168.131.39", port: 2817 } });
  includes(ecs.aws as JsonObject, {
    elb: {
      name: "my-test-loadbalancer",
      request_processing_time: { sec: 0.000073 },
      response_processing_time: { sec: 0.000057 },
      backend_processing_time: { sec: 0.001048 },
      backend: { ip: "10.0.0.1", port: 80, http: { response: { status_code: 200 } } },
    },
  });
  includes(ecs.url as JsonObject, { original: "http://www.example.com:80/", port: 80, path: "/", domain: "www.example.com", scheme: "http" });
  const legacy = grokEvent("ELB_ACCESS_LOG", ELB, "disabled");
  includes(legacy, { elb: "my-test-loadbalancer", clientport: 2817, backendport: 80, request_processing_time: 0.000073, response: 200 });
});

const CATALINA =
  "Dec 30, 2020 11:30:40 AM org.apache.struts.util.PropertyMessageResources <init>\n" +
  "INFO: Initializing, config='org.apache.struts.util.LocalStrings', returnNull=true";

test("CATALINALOG: a two-line event ('.' crosses the newline); ecs-v1 makes message an array", () => {
  const ecs = grokEvent("CATALINALOG", CATALINA, "v1");
  includes(ecs, {
    timestamp: "Dec 30, 2020 11:30:40 AM",
    java: { log: { origin: { class: { name: "org.apache.struts.util.PropertyMessageResources" } } } },
    log: { level: "INFO", origin: { function: "<init>" } },
    message: [CATALINA, "Initializing, config='org.apache.struts.util.LocalStrings', returnNull=true"],
  });
  includes(grokEvent("CATALINALOG", CATALINA, "disabled"), {
    class: "org.apache.struts.util.PropertyMessageResources",
    logmessage: "<init>\nINFO: Initializing, config='org.apache.struts.util.LocalStrings', returnNull=true",
  });
});

test("TOMCATLOG, ecs-v1 (Tomcat 8 format)", () => {
  const line =
    "31-Jul-2020 16:40:38.451 INFO [localhost-startStop-1] org.apache.catalina.core.ApplicationContext.log " +
    "ContextListener: attributeAdded('StockTicker', 'async.Stockticker@42dd551d')";
  includes(grokEvent("TOMCATLOG", line, "v1"), {
    timestamp: "31-Jul-2020 16:40:38.451",
    log: { level: "INFO", origin: { function: "log" } },
    java: { log: { origin: { class: { name: "org.apache.catalina.core.ApplicationContext" }, thread: { name: "localhost-startStop-1" } } } },
    message: [line, "ContextListener: attributeAdded('StockTicker', 'async.Stockticker@42dd551d')"],
  });
});

test("SYSLOGLINE, legacy: program and message array", () => {
  const line = "Mar 16 00:01:25 evita postfix/smtpd[1713]: connect from camomile.cloud9.net[168.100.1.3]";
  includes(grokEvent("SYSLOGLINE", line, "disabled"), {
    program: "postfix/smtpd",
    pid: "1713",
    logsource: "evita",
    message: [line, "connect from camomile.cloud9.net[168.100.1.3]"],
  });
});
