/**
 * `logsmith.openSample`: the walkthrough's first step. Opens an unsaved Logstash pipeline with one
 * deliberate mistake, so a newcomer sees a problem, its quick fix, completion and hover without
 * needing a pipeline of their own.
 */
import * as vscode from "vscode";
import { LANGUAGE_ID } from "../../server/src/protocol";

// `start_positon` is misspelled on purpose: the walkthrough's second step is about that problem.
const SAMPLE_BODY = `input {
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
  // The header is one line in every language, so the misspelling stays on the line the walkthrough shows.
  const header = vscode.l10n.t("A sample Logstash pipeline from the Logsmith walkthrough. Nothing here is saved until you save it.");
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: `# ${header}\n${SAMPLE_BODY}` });
  await vscode.window.showTextDocument(document);
}
