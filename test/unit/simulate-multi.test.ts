// clone and split create events; their traces are what the preview panel renders. Behaviour follows
// logstash-filter-clone's spec/filters/clone_spec.rb and logstash-filter-split's spec/filters/split_spec.rb.
import assert from "node:assert/strict";
import { test } from "node:test";
import { one, runFilters } from "./simulate-helpers";

test("clone, legacy mode: each clone gets `type`, only clones are decorated (clone spec: 'Complex use', ecs disabled)", async () => {
  const r = await runFilters(
    'clone { clones => ["nginx-access-clone1", "nginx-access-clone2"] add_tag => ["RABBIT", "NO_ES"] remove_tag => ["TESTLOG"] ecs_compatibility => disabled }',
    [{ type: "nginx-access", tags: ["TESTLOG"], message: "hello world" }],
  );
  assert.deepEqual(r.events.map((e) => [e.type, e.tags]), [
    ["nginx-access", ["TESTLOG"]],
    ["nginx-access-clone1", ["RABBIT", "NO_ES"]],
    ["nginx-access-clone2", ["RABBIT", "NO_ES"]],
  ]);
});

test("clone, ECS mode: `type` stays, the clone name is added as a tag (clone spec: 'Complex use', ecs v1)", async () => {
  const r = await runFilters('clone { clones => ["nginx-access-clone1"] add_tag => ["RABBIT"] }', [{ type: "nginx-access", tags: ["TESTLOG"] }]);
  assert.deepEqual(r.events.map((e) => [e.type, e.tags]), [
    ["nginx-access", ["TESTLOG"]],
    ["nginx-access", ["TESTLOG", "nginx-access-clone1", "RABBIT"]],
  ]);
});

test("clone without `clones` is refused; an empty list makes no clones (clone spec: '#register')", async () => {
  const missing = await runFilters("clone { }", [{ message: "m" }]);
  assert.match(missing.skipped[0]?.reason ?? "", /needs `clones`/);
  const empty = await runFilters("clone { clones => [] }", [{ message: "m" }]);
  assert.equal(empty.events.length, 1);
  assert.deepEqual(empty.skipped, []);
});

test("clones continue from the filter after the clone filter, inside and after a conditional", async () => {
  const r = await runFilters(
    `mutate { add_field => { "before" => "x" } }
     if [message] { clone { clones => ["c"] ecs_compatibility => disabled } mutate { add_tag => ["in_branch"] } }
     mutate { add_tag => ["after"] }`,
    [{ message: "m" }],
  );
  assert.equal(r.events.length, 2);
  for (const e of r.events) {
    assert.equal(e.before, "x");
    assert.deepEqual(e.tags, ["in_branch", "after"]);
  }
  const [orig, clone] = r.steps;
  assert.equal(clone.parent, orig.id);
  assert.deepEqual(orig.children, [clone.id]);
  assert.deepEqual(clone.origin && { filter: clone.origin.filter, kind: clone.origin.kind, index: clone.origin.index }, { filter: "clone", kind: "clone", index: 0 });
  // The clone's trace starts at the clone filter (changes relative to its parent), then the rest.
  assert.deepEqual(clone.steps.map((s) => (s.kind === "filter" ? s.filter : s.kind)), ["clone", "mutate", "mutate"]);
  const cloneStep = clone.steps[0];
  assert.ok(cloneStep.kind === "filter");
  assert.deepEqual(cloneStep.changes, [{ field: "[type]", kind: "added", after: "c" }]);
  const origStep = orig.steps.find((s) => s.kind === "filter" && s.filter === "clone");
  assert.ok(origStep && origStep.kind === "filter");
  assert.deepEqual(origStep.generated, [clone.id]);
  assert.equal(clone.input.before, "x", "a clone's input is its parent as it entered the clone filter");
});

test("split: one event per part, empty parts skipped, the original cancelled (split spec: 'split', 'custom terminator')", async () => {
  const r = await runFilters('split { add_tag => ["s"] }', [{ message: "big\nbird\n\nsesame street" }]);
  assert.deepEqual(r.events.map((e) => [e.message, e.tags]), [
    ["big", ["s"]],
    ["bird", ["s"]],
    ["sesame street", ["s"]],
  ]);
  const [orig, ...parts] = r.steps;
  assert.equal(orig.dropped, true);
  assert.equal(orig.endedBy?.filter, "split");
  assert.equal(orig.output, undefined);
  const step = orig.steps[0];
  assert.ok(step.kind === "filter" && step.cancelled === true);
  assert.deepEqual(parts.map((p) => [p.parent, p.origin?.kind, p.origin?.index, p.output?.message]), [
    [orig.id, "split", 0, "big"],
    [orig.id, "split", 1, "bird"],
    [orig.id, "split", 2, "sesame street"],
  ]);
  const custom = await runFilters('split { terminator => "," }', [{ message: "a,b,c" }]);
  assert.deepEqual(custom.events.map((e) => e.message), ["a", "b", "c"]);
});

test("split: a single part leaves the event alone; arrays split into target; other types tag _split_type_failure (split spec: 'split array', 'split with target')", async () => {
  assert.equal((await one("split { }", { message: "just one" })).message, "just one");
  const arr = await runFilters('split { field => "array" target => "element" }', [{ array: ["big", "bird", "sesame street"] }]);
  assert.deepEqual(arr.events.map((e) => [e.element, e.array]), [
    ["big", ["big", "bird", "sesame street"]],
    ["bird", ["big", "bird", "sesame street"]],
    ["sesame street", ["big", "bird", "sesame street"]],
  ]);
  const inPlace = await runFilters('split { field => "array" }', [{ array: [{ a: 1 }, { a: 2 }] }]);
  assert.deepEqual(inPlace.events.map((e) => e.array), [{ a: 1 }, { a: 2 }]);
  const bad = await one('split { field => "n" }', { n: 5 });
  assert.deepEqual(bad.tags, ["_split_type_failure"]);
});

test("clone then split: batch order (the original's parts, then the clone's parts)", async () => {
  const r = await runFilters('clone { clones => ["c"] ecs_compatibility => disabled } split { }', [{ message: "a\nb" }, { message: "z" }]);
  assert.deepEqual(r.events.map((e) => [e.message, e.type ?? null]), [
    ["a", null],
    ["b", null],
    ["a", "c"],
    ["b", "c"],
    ["z", null],
    ["z", "c"],
  ]);
  assert.deepEqual(r.steps.map((t) => t.inputIndex), [0, 0, 0, 0, 0, 0, 1, 1]);
  r.steps.forEach((t, i) => assert.equal(t.id, i));
  // outputIndex ties each surviving trace to its place among the events.
  for (const t of r.steps) if (t.output) assert.equal(r.events[t.outputIndex!], t.output);
  const splitThenClone = await runFilters('split { } clone { clones => ["c"] ecs_compatibility => disabled }', [{ message: "a\nb" }]);
  assert.deepEqual(splitThenClone.events.map((e) => [e.message, e.type ?? null]), [["a", null], ["a", "c"], ["b", null], ["b", "c"]]);
  assert.deepEqual(splitThenClone.steps.filter((t) => t.output).map((t) => t.outputIndex), [0, 2, 1, 3]);
});

test("drop in a clone's path drops only that clone; a runaway split is capped per input event", async () => {
  const r = await runFilters('clone { clones => ["c"] ecs_compatibility => disabled } if [type] == "c" { drop { } }', [{ message: "m" }]);
  assert.equal(r.events.length, 1);
  assert.equal(r.steps[1].dropped, true);
  assert.equal(r.steps[1].endedBy?.filter, "drop");
  const capped = await runFilters('split { terminator => "," }', [{ message: "a,b,c,d,e" }], { maxEventsPerInput: 3 });
  assert.equal(capped.events.length, 2);
  const step = capped.steps[0].steps[0];
  assert.ok(step.kind === "filter" && /more than 3 events/.test(step.detail ?? ""));
});
