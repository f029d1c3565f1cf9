import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src';
import { ATLAS_EVENT_TYPES, SchemaValidator, knownTypes, topicOf, typeEntry } from '../src';
import { REPO } from './paths';

/** (type -> topic) as docs/asyncapi.yaml, generated from shared-events' EventCatalog, lists it. */
function asyncApiTopics(): Map<string, string> {
  const lines = readFileSync(join(REPO, 'docs', 'asyncapi.yaml'), 'utf8').split('\n');
  const topics = new Map<string, string>();
  let channel: string | undefined;
  for (const line of lines) {
    const channelMatch = /^ {2}(atlas\.[a-z-]+):$/.exec(line);
    if (channelMatch) {
      channel = channelMatch[1];
    } else if (/^\S/.test(line)) {
      channel = undefined;
    }
    const ref = /\$ref: "#\/components\/messages\/([a-z-]+)\.v\d+"/.exec(line);
    if (channel && ref) {
      topics.set(ref[1], channel);
    }
  }
  return topics;
}

describe('catalog', () => {
  it('has the topic of every type that docs/asyncapi.yaml (shared-events EventCatalog) lists, and no other', () => {
    const expected = asyncApiTopics();
    expect(expected.size).toBeGreaterThan(20);
    expect(knownTypes().sort()).toEqual([...expected.keys()].sort());
    for (const [type, topic] of expected) {
      expect(topicOf(type), type).toBe(topic);
    }
  });

  it('has a schema for every type', () => {
    const validator = new SchemaValidator();
    for (const type of knownTypes()) {
      expect(validator.knows(type, 1), type).toBe(true);
    }
  });

  it('has a source and a helper for every type ONSITE ATLAS produces', () => {
    const helperName = (type: string) => type.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    for (const type of ATLAS_EVENT_TYPES) {
      expect(typeEntry(type).source, type).toMatch(/^\/onsite-atlas\//);
      expect(typeof (library as Record<string, unknown>)[helperName(type)], type).toBe('function');
    }
  });
});
