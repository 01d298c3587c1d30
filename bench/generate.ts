/**
 * Generates realistic pipelines of a given size for the benchmarks: the field notes' collector shape
 * (file inputs with codecs, conditionals per log type, grok/date/mutate/geoip/useragent, sprintf
 * indices) repeated with distinct ids and fields.
 */
function block(i: number): string {
  return `  # source ${i}: apache access logs of vhost ${i}
  if [type] == "apache_${i}" and [status] {
    grok {
      id => "grok_apache_${i}"
      match => { "message" => "%{COMBINEDAPACHELOG}" }
      tag_on_failure => ["_grokparsefailure_${i}"]
    }
    date {
      match => ["timestamp", "dd/MMM/yyyy:HH:mm:ss Z"]
      target => "@timestamp"
    }
    if [clientip] !~ /^10\\./ {
      geoip {
        source => "clientip"
        target => "[geo_${i}]"
      }
    }
    mutate {
      convert => { "bytes" => "integer" "response" => "integer" }
      rename => { "agent" => "[user_agent][original]" }
      add_tag => ["vhost_${i}", "%{[host][name]}"]
      remove_field => ["timestamp"]
    }
    useragent {
      source => "[user_agent][original]"
      target => "ua_${i}"
    }
  } else if [type] == "tomcat_${i}" {
    json {
      source => "message"
      target => "tomcat_${i}"
    }
    kv {
      source => "[tomcat_${i}][query]"
      field_split => "&"
      prefix => "q_"
    }
  } else if "drop_${i}" in [tags] {
    drop {}
  }
`;
}

export function generatePipeline(lines: number): string {
  const head = `input {
  file {
    path => "/etc/httpd/logs/jsonaccess_log"
    type => apache
    codec => json
  }
  redis {
    host => "127.0.0.1"
    data_type => "list"
    key => "logstash"
  }
}

filter {
`;
  const tail = `}

output {
  elasticsearch {
    hosts => ["http://127.0.0.1:9200"]
    index => "logs-%{type}-%{+YYYY.MM.dd}"
  }
}
`;
  const per = block(0).split("\n").length - 1;
  const headLines = head.split("\n").length + tail.split("\n").length;
  const n = Math.max(1, Math.round((lines - headLines) / per));
  const parts: string[] = [head];
  for (let i = 0; i < n; i++) parts.push(block(i));
  parts.push(tail);
  return parts.join("");
}
