/**
 * `logsmith.openSample`: the walkthrough's first step. Opens an unsaved Logstash pipeline with one
 * deliberate mistake, so a newcomer sees a problem, its quick fix, completion and hover without
 * needing a pipeline of their own.
 */
import * as vscode from "vscode";
import { LANGUAGE_ID } from "../../server/src/protocol";

// `start_positon` is misspelled on purpose: the walkthrough's second step is about that problem.
const SAMPLE = `# A sample Logstash pipeline from the Logsmith walkthrough. Nothing here is saved until you save it.
input {
  file {
    path => ["/var/log/nginx/access.log"]
    start_positon => "beginning"
  }
}

filter {
  grok {
    match => { "message" => "%{COMBINEDAPACHELOG}" }
  }
  date {
    match => ["timestamp", "dd/MMM/yyyy:HH:mm:ss Z"]
  }
}

output {
  elasticsearch {
    hosts => ["http://localhost:9200"]
    index => "nginx-%{+YYYY.MM.dd}"
  }
}
`;

export async function openSampleCommand(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: SAMPLE });
  await vscode.window.showTextDocument(document);
}
