/**
 * Render cost per message in the reader's language: an attack (place, country, toll, claim,
 * time in the reader's zone), an alert-level change (glossed level names) and a change note,
 * each turned into a Discord message, for readers in fr, de, es, pl (their zones). Baseline,
 * same run: the same messages for an English reader in UTC (the messages as they were before
 * languages). Median of 15 runs of 2,000 messages after a warm-up. Ratio = localised / English
 * (lower is better; the bound is 2).
 *
 *   node bin/run-ts.js bench/localised-render.ts
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadLanguages, languageOptions } from '../src/app';
import { loadAuthorities } from '../src/config/authorities-config';
import { messageOptionsFor } from '../src/format/names';
import { incidentMessage, renderChange, toDiscordMessage, type MessageOptions } from '../src/format';
import type { Incident, Locale } from '../src/model';
import { percentile, round, runWhenMain } from './support';
import type { BenchResult } from './types';

const MESSAGES = 2000;
const RUNS = 15;
const CONFIG = path.join(__dirname, '..', 'config');
const READERS: [Locale, string][] = [['fr', 'Europe/Paris'], ['de', 'Europe/Berlin'], ['es', 'Europe/Madrid'], ['pl', 'Europe/Warsaw']];

function attack(i: number): Incident {
  const at = new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24, i % 60)).toISOString();
  return {
    id: `a${i}`, kind: 'attack', version: 2, firstSeen: at, lastSeen: at, eventTime: at, severity: i % 2 ? 'critical' : 'high',
    title: 'Gunmen attack concert hall', summary: `Gunmen kill ${100 + i} at Moscow concert hall, officials say`, countries: ['RU'],
    places: [{ name: i % 3 ? 'Moscow' : 'Krasnogorsk', country: 'RU' }], actors: ['islamic-state'], claimedBy: ['islamic-state'],
    casualties: { killed: 100 + (i % 50), injured: i % 7 ? 120 : undefined },
    reports: [{ itemId: `r${i}`, sourceId: 'wire', title: 't', language: 'en', at, url: `https://wire.example/${i}` }], terms: [], changes: [],
  };
}

function levelChange(i: number): Incident {
  const at = new Date(Date.UTC(2026, 11, 1, i % 24)).toISOString();
  const r = (rank: number, name: string, name_en: string) => ({ authority: 'fr-sgdsn', country: 'FR', scope: 'national', rank, of: 3, name, name_en, url: 'https://sgdsn.example', observedAt: at, since: at });
  return { ...attack(i), kind: 'alert_level', level: { direction: 'raised', severity: 'high', previous: r(2, 'vigilance renforcée', 'Heightened vigilance'), current: r(3, 'Urgence attentat', 'Attack emergency') } };
}

/** One round: `n` messages of the three kinds for `readers` in turn; returns ms. */
function round1(n: number, readers: MessageOptions[], incidents: Incident[]): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const opts = readers[i % readers.length]!;
    const inc = incidents[i % incidents.length]!;
    if (i % 3 === 2) renderChange({ killed: 150 + (i % 9), by: 'wire', claimed: ['islamic-state'] }, opts);
    else toDiscordMessage(incidentMessage(inc, opts));
  }
  return performance.now() - t;
}

export async function run(): Promise<BenchResult[]> {
  const base = messageOptionsFor([{ id: 'wire' }], loadAuthorities(CONFIG), { ...languageOptions(loadLanguages(CONFIG)), actorNames: { 'islamic-state': 'Islamic State' } });
  const localised = READERS.map(([locale, timeZone]) => ({ ...base, locale, timeZone }));
  const english = [{ ...base, locale: 'en' as const, timeZone: 'UTC' }];
  const incidents = Array.from({ length: 50 }, (_, i) => (i % 2 ? levelChange(i) : attack(i)));
  round1(MESSAGES, localised, incidents); // warm-up: compiles messages, builds Intl formatters
  round1(MESSAGES, english, incidents);
  const ours: number[] = [];
  const eng: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(round1(MESSAGES, localised, incidents));
    eng.push(round1(MESSAGES, english, incidents));
  }
  const perMessage = (ms: number) => (ms * 1000) / MESSAGES;
  const us = perMessage(percentile(ours, 0.5));
  const enUs = perMessage(percentile(eng, 0.5));
  return [{
    name: 'localised-render',
    value: round(us, 1),
    unit: `µs per message (median of ${RUNS} × ${MESSAGES}: attack, level change and note, to a Discord message, for fr/de/es/pl readers in their zones; ratio = localised / English, lower is better, bound 2)`,
    baseline: `the same messages for an English reader in UTC (${round(enUs, 1)} µs)`,
    ratio: round(us / enUs),
  }];
}

runWhenMain(__filename, run);
