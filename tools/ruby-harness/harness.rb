# Answers the simulator's differential test with Ruby's own behaviour for what Logstash's Ruby
# plugins do: one JSON request per line on stdin, one JSON answer per line on stdout.
#   {"op":"charset","hex":"..."}                  LogStash::Util::Charset#convert (UTF-8) of the bytes
#   {"op":"csv","line":"...","sep":",","quote":"\""}  CSV.parse_line, or {"error": class}
#   {"op":"convert","type":"integer|float","value":"..."}  CSV::Converters as logstash-filter-csv calls them
#   {"op":"split","s":"...","sep":"..."}          String#split(sep, -1) (logstash-filter-split)
require "csv"
require "json"

def charset(bytes)
  data = bytes.dup.force_encoding(Encoding::UTF_8)
  data.valid_encoding? ? data : data.inspect[1..-2]
end

STDOUT.sync = false
STDIN.each_line do |line|
  req = JSON.parse(line)
  answer =
    begin
      case req["op"]
      when "charset" then { "value" => charset([req["hex"]].pack("H*")) }
      when "csv" then { "value" => CSV.parse_line(req["line"], col_sep: req["sep"], quote_char: req["quote"]) }
      when "convert" then { "value" => CSV::Converters[req["type"].to_sym].call(req["value"]) }
      when "split" then { "value" => req["s"].split(req["sep"], -1) }
      end
    rescue StandardError => e
      { "error" => e.class.name }
    end
  puts JSON.generate(answer)
end
