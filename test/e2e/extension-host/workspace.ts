// The folder the extension-host tests open (node side): pipelines that are and are not
// recognised by name, look-alike .conf files of other programs, and a broken pipeline.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "../harness";

/** Relative paths the suite opens; the suite asserts on them by these names. */
export const FILES: Record<string, string> = {
  // Starts with a comment, sits in no pipeline folder and has no logstash name: only the
  // content sniffing can tell it is a pipeline.
  "conf/shipper.conf": "# Ships app logs\n\ninput {\n  stdin {}\n}\noutput {\n  stdout {}\n}\n",
  "nginx/nginx.conf": "# nginx site\nevents {}\nhttp {\n  server {\n    listen 80;\n    root /var/www;\n  }\n}\n",
  "httpd/httpd.conf": "# Apache httpd\nServerRoot \"/etc/httpd\"\nListen 80\n<VirtualHost *:80>\n  DocumentRoot \"/var/www\"\n</VirtualHost>\n",
  // An empty clone: Logstash 9 requires `clones`, 6.5 did not.
  "pipeline/clone.conf": "filter {\n  clone {}\n}\n",
  "pipeline/misindented.conf": "input {\nstdin {}\n}\n",
  "notes.txt": "Remember to rotate the app logs.\n",
};

/** A fresh folder with FILES plus a copy of test-fixtures/broken/commas-between-options.conf. */
export function makeHostWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-host-ws-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, "broken"));
  copyFileSync(join(ROOT, "test-fixtures/broken/commas-between-options.conf"), join(dir, "broken/commas-between-options.conf"));
  return dir;
}
