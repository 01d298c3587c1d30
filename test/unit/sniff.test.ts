import assert from "node:assert/strict";
import { test } from "node:test";
import { isLogstashDocument, isLogstashFileName, pipelineMarkerCandidates, sniffContent } from "../../client/src/sniff";

const LOGSTASH_BEATS = `# Sample Logstash configuration for creating a simple
# Beats -> Logstash -> Elasticsearch pipeline.

input {
  beats {
    port => 5044
  }
}

output {
  elasticsearch {
    hosts => ["http://localhost:9200"]
    index => "%{[@metadata][beat]}-%{[@metadata][version]}-%{+YYYY.MM.dd}"
  }
}
`;

const LOGSTASH_FILTER_ONLY = `filter
{
  if [type] == "nginx" {
    grok { match => { "message" => "%{COMBINEDAPACHELOG}" } }
  }
  ruby {
    code => "
      event.set('x', 1);
      event.set('y', 2);
    "
  }
}
`;

const NGINX = `user  nginx;
worker_processes  auto;

events {
    worker_connections  1024;
}

http {
    log_format  main  '$remote_addr - $remote_user [$time_local] "$request"';
    server {
        listen       80;
        server_name  localhost;
        location / {
            root   /usr/share/nginx/html;
        }
    }
}
`;

// A site file: only server blocks, and no line ends without a semicolon until the braces.
const NGINX_SITE = `server {
    listen 443 ssl;
    server_name example.com;
    location /api/ {
        proxy_pass http://127.0.0.1:8080;
    }
}
`;

const HTTPD = `ServerRoot "/etc/httpd"
Listen 80
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
<VirtualHost *:80>
    DocumentRoot "/var/www/html"
    ErrorLog logs/error_log
</VirtualHost>
`;

const SUPERVISORD = `[program:logstash]
command=/usr/share/logstash/bin/logstash -f /etc/logstash/conf.d
autostart=true
`;

test("Logstash pipelines are recognised by a top-level section, brace on the same or the next line", () => {
  assert.equal(sniffContent(LOGSTASH_BEATS), "logstash");
  assert.equal(sniffContent(LOGSTASH_FILTER_ONLY), "logstash");
  assert.equal(sniffContent("output { stdout { codec => rubydebug } }"), "logstash");
});

test("nginx, httpd and INI files are never taken for Logstash", () => {
  assert.equal(sniffContent(NGINX), "other");
  assert.equal(sniffContent(NGINX_SITE), "other");
  assert.equal(sniffContent(HTTPD), "other");
  assert.equal(sniffContent(SUPERVISORD), "other");
  // Even when named like a Logstash file or placed in a pipeline folder.
  assert.equal(isLogstashDocument({ path: "/etc/nginx/conf.d/logstash.conf", text: NGINX_SITE, hasPipelineMarker: true }), false);
});

test("section words that are not top-level sections do not count", () => {
  assert.equal(sniffContent("# input {\n"), "unknown");
  assert.equal(sniffContent('description = "input { x }"\n'), "unknown");
  assert.equal(sniffContent("block {\n  input {\n  }\n}\n"), "unknown");
  assert.equal(sniffContent("input\n\nother"), "unknown");
  assert.equal(sniffContent(""), "unknown");
});

test("only the first 50 code lines are read", () => {
  const filler = Array.from({ length: 60 }, (_, i) => `key${i} value`).join("\n");
  assert.equal(sniffContent(`${filler}\ninput { stdin {} }\n`), "unknown");
  const comments = Array.from({ length: 60 }, (_, i) => `# comment ${i}`).join("\n");
  assert.equal(sniffContent(`${comments}\ninput { stdin {} }\n`), "logstash");
});

test("file names: logstash*.conf", () => {
  assert.equal(isLogstashFileName("/etc/logstash/logstash-sample.conf"), true);
  assert.equal(isLogstashFileName("C:\\elk\\Logstash.conf"), true);
  assert.equal(isLogstashFileName("/etc/logstash/logstash.yml"), false);
  assert.equal(isLogstashFileName("/etc/nginx/nginx.conf"), false);
  assert.equal(isLogstashDocument({ path: "/srv/logstash-apache.conf", text: "" }), true);
});

test("conf.d files are Logstash when pipelines.yml or logstash.yml sits in the parent or grandparent", () => {
  assert.deepEqual(pipelineMarkerCandidates("/etc/logstash/conf.d/10-beats.conf"), [
    "/etc/logstash/pipelines.yml",
    "/etc/logstash/logstash.yml",
    "/etc/pipelines.yml",
    "/etc/logstash.yml",
  ]);
  assert.deepEqual(pipelineMarkerCandidates("/etc/nginx/sites/x.conf"), []);
  assert.deepEqual(pipelineMarkerCandidates("/etc/logstash/conf.d/readme.txt"), []);
  const ambiguous = "  mutate { add_tag => [\"x\"] }\n";
  assert.equal(isLogstashDocument({ path: "/etc/logstash/conf.d/20-part.conf", text: ambiguous, hasPipelineMarker: true }), true);
  assert.equal(isLogstashDocument({ path: "/etc/logstash/conf.d/20-part.conf", text: ambiguous, hasPipelineMarker: false }), false);
});
